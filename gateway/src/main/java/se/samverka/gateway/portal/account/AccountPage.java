package se.samverka.gateway.portal.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.AccountAdministrators;
import se.samverka.gateway.portal.Choices;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The accounts' pages as the identity provider shows them to the reader: the list with the invitation form, and an
 * account's page with its forms and its log. Only those who administer accounts ({@link AccountAdministrators}) get
 * them; the provider decides which accounts each sees and what each may change.
 */
@Component
class AccountPage {

    /** The list's filters, as the provider names them. */
    static final List<String> FILTERS = List.of("q", "status");
    /** The invitation form's name on the list page ({@link PageForms}). */
    static final String INVITE = "invite";

    private final Downstream downstream;
    private final Callers callers;
    private final AccountAdministrators administrators;
    private final Choices choices;

    AccountPage(Downstream downstream, Callers callers, AccountAdministrators administrators, Choices choices) {
        this.downstream = downstream;
        this.callers = callers;
        this.administrators = administrators;
        this.choices = choices;
    }

    /** The page for whoever administers accounts; anyone else is told the pages are not for them. */
    Mono<Rendering> forAdministrators(ServerWebExchange exchange, Function<Caller, Mono<Rendering>> page) {
        return callers.current(exchange)
                .flatMap(caller -> administrators.includes(caller)
                        .flatMap(administers -> administers ? page.apply(caller) : notAllowed("notAllowed.accounts")))
                .onErrorResume(ProblemPage::of);
    }

    /**
     * What a form sent, for whoever administers accounts. The form is read before anything is answered, for anyone: a
     * request answered before its body was read now and then left its connection answering nothing more.
     */
    Mono<Rendering> formForAdministrators(ServerWebExchange exchange,
                                          BiFunction<Caller, MultiValueMap<String, String>, Mono<Rendering>> page) {
        return exchange.getFormData().flatMap(form -> forAdministrators(exchange, caller -> page.apply(caller, form)));
    }

    static Mono<Rendering> notAllowed(String why) {
        return Mono.just(Rendering.view("not-allowed").modelAttribute("why", why).status(HttpStatus.FORBIDDEN).build());
    }

    /**
     * The list of the accounts the reader may see, filtered, with the invitation form.
     *
     * @param forms the invitation the provider refused, if it did
     */
    Mono<Rendering> list(Caller caller, Map<String, String> filters, PageForms forms, HttpStatusCode status) {
        return Mono.zip(downstream.call(Service.IDENTITY, caller,
                                Request.get(ListFilters.query("/api/accounts", filters))),
                        organisations(caller))
                .flatMap(found -> !found.getT1().ok() ? ProblemPage.of(found.getT1().status())
                        : Mono.just(Rendering.view("accounts")
                                .modelAttribute("accounts", found.getT1().body().path("accounts"))
                                .modelAttribute("filters", filters)
                                .modelAttribute("statuses", AccountForm.STATUSES)
                                .modelAttribute("organisations", found.getT2())
                                .modelAttribute("organisationNames", names(found.getT2()))
                                .modelAttribute("roles", AccountForm.roles(caller))
                                .modelAttribute("coordinator", caller.role() == Role.ADMIN)
                                .modelAttribute("forms", forms)
                                .modelAttribute("f", forms.form(INVITE))
                                .status(status)
                                .build()));
    }

    /**
     * An account's page: what the provider keeps of the person, the forms the reader may use and the log of who
     * changed what.
     *
     * @param forms the form the provider refused, if it did
     */
    Mono<Rendering> account(Caller caller, String id, PageForms forms, HttpStatusCode status) {
        return Mono.zip(downstream.call(Service.IDENTITY, caller, Request.get("/api/accounts/{id}", id)),
                        // The page does without its log rather than fail for it.
                        downstream.call(Service.IDENTITY, caller, Request.get("/api/accounts/{id}/log", id))
                                .onErrorReturn(Answer.NONE),
                        organisations(caller))
                .flatMap(found -> {
                    Answer account = found.getT1();
                    if (!account.ok()) {
                        return ProblemPage.of(account.status());
                    }
                    Answer log = found.getT2();
                    return Mono.just(Rendering.view("account")
                            .modelAttribute("account", account.body())
                            .modelAttribute("title", account.body().path("name").asString(""))
                            .modelAttribute("values", AccountForm.values(account.body()))
                            .modelAttribute("log", log.ok() ? log.body().path("entries") : null)
                            .modelAttribute("organisations", found.getT3())
                            .modelAttribute("organisationNames", names(found.getT3()))
                            .modelAttribute("roles", AccountForm.ROLES)
                            .modelAttribute("coordinator", caller.role() == Role.ADMIN)
                            .modelAttribute("mayDeactivate", AccountForm.mayDeactivate(caller, account.body()))
                            .modelAttribute("forms", forms)
                            .status(status)
                            .build());
                });
    }

    /**
     * The organisations an account may be of, as the reader may give them: every one of the directory for the
     * coordinator, a lead's own alone (named by its id if the directory cannot be read).
     */
    Mono<List<JsonNode>> organisations(Caller caller) {
        if (caller.role() == Role.ADMIN) {
            return choices.organisations(caller).onErrorReturn(List.of());
        }
        String own = caller.organisationId();
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/organisations/{id}", own))
                .map(answer -> answer.ok() ? answer.body() : unnamed(own))
                .onErrorReturn(unnamed(own))
                .map(List::of);
    }

    private static JsonNode unnamed(String id) {
        ObjectNode organisation = Forms.object();
        organisation.put("id", id);
        organisation.put("name", id);
        return organisation;
    }

    static Map<String, String> names(List<JsonNode> organisations) {
        Map<String, String> names = new LinkedHashMap<>();
        organisations.forEach(organisation -> names.put(organisation.path("id").asString(""),
                organisation.path("name").asString("")));
        return names;
    }
}
