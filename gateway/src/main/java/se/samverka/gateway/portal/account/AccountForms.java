package se.samverka.gateway.portal.account;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.FieldError;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.gateway.views.PersonalDataViews;
import tools.jackson.databind.node.ObjectNode;

/**
 * The forms of an account's page: change who the person is in the platform (the coordinator's), deactivate with a
 * reason and reactivate, a new invitation link, a password reset link (the coordinator's) and erasure of the person's
 * data (the coordinator's, once confirmed; in the histories of the services too, {@link PersonalDataViews}). Each is sent to the identity provider as the reader, with the version of
 * the account the page showed, so a change someone made meanwhile is refused (412) rather than overwritten; what the
 * provider refuses is shown at the form that sent it.
 */
@Controller
class AccountForms {

    private static final String ACCOUNT = "/accounts/{id:" + PageForms.ID + "}";
    private static final String API = "/api/accounts/{id}";

    private final Downstream downstream;
    private final PersonalDataViews personalData;
    private final AccountPage page;
    private final MessageSource messages;

    AccountForms(Downstream downstream, PersonalDataViews personalData, AccountPage page, MessageSource messages) {
        this.downstream = downstream;
        this.personalData = personalData;
        this.page = page;
        this.messages = messages;
    }

    @PostMapping(ACCOUNT)
    Mono<Rendering> change(@PathVariable String id, ServerWebExchange exchange) {
        return send(exchange, id, "change", HttpMethod.PUT, API, AccountForm::change);
    }

    @PostMapping(ACCOUNT + "/deactivation")
    Mono<Rendering> deactivate(@PathVariable String id, ServerWebExchange exchange) {
        return send(exchange, id, "deactivation", HttpMethod.POST, API + "/deactivation", AccountForm::deactivation);
    }

    @PostMapping(ACCOUNT + "/reactivation")
    Mono<Rendering> reactivate(@PathVariable String id, ServerWebExchange exchange) {
        return send(exchange, id, "reactivation", HttpMethod.POST, API + "/reactivation", form -> null);
    }

    /** A new link for a person who has not taken up the invitation: the one they had stops working. */
    @PostMapping(ACCOUNT + "/invitation")
    Mono<Rendering> invitation(@PathVariable String id, ServerWebExchange exchange) {
        return oneTimeLink(exchange, id, "invitation", answer -> AccountPages.link("renewal",
                answer.body().path("account"), answer.body().path("invitation")));
    }

    @PostMapping(ACCOUNT + "/password-reset")
    Mono<Rendering> passwordReset(@PathVariable String id, ServerWebExchange exchange) {
        return oneTimeLink(exchange, id, "password-reset",
                answer -> AccountPages.link("passwordReset", idOnly(id), answer.body()));
    }

    /** Erasure cannot be undone: the form asks the reader to confirm it, and is refused at its box unless they did. */
    @PostMapping(ACCOUNT + "/erasure")
    Mono<Rendering> erase(@PathVariable String id, ServerWebExchange exchange) {
        return page.formForAdministrators(exchange, (caller, form) -> {
            if (!"true".equals(form.getFirst("confirm"))) {
                Locale locale = exchange.getLocaleContext().getLocale();
                PageForms refused = new PageForms("erasure", List.of(new FieldError("confirm",
                        messages.getMessage("accountForm.confirm.missing", null, locale))), false,
                        form.toSingleValueMap());
                return page.account(caller, id, refused, HttpStatus.BAD_REQUEST);
            }
            return personalData.erase(caller, id, form.getFirst("version")).flatMap(answer -> answer.ok()
                    ? Forms.redirect("/accounts/" + id) : refused(caller, id, "erasure", form, answer));
        });
    }

    private Mono<Rendering> send(ServerWebExchange exchange, String id, String name, HttpMethod method, String path,
                                 Function<MultiValueMap<String, String>, ObjectNode> body) {
        return page.formForAdministrators(exchange,
                (caller, form) -> call(caller, id, name, method, path, form, body.apply(form)));
    }

    /** Back to the account's page once done; its page again, with what was refused at the form, when not. */
    private Mono<Rendering> call(Caller caller, String id, String name, HttpMethod method, String path,
                                 MultiValueMap<String, String> form, ObjectNode body) {
        return downstream.call(Service.IDENTITY, caller,
                        new Request(method, path, List.of(id), form.getFirst("version"), body))
                .flatMap(answer -> answer.ok() ? Forms.redirect("/accounts/" + id) : refused(caller, id, name, form,
                        answer));
    }

    /** @param action the provider's name for it, and the form's on the page */
    private Mono<Rendering> oneTimeLink(ServerWebExchange exchange, String id, String action,
                                        Function<Answer, Mono<Rendering>> shown) {
        return page.formForAdministrators(exchange, (caller, form) -> downstream.call(Service.IDENTITY, caller,
                        new Request(HttpMethod.POST, API + "/" + action, List.of(id), form.getFirst("version"), null))
                .flatMap(answer -> answer.ok() ? shown.apply(answer) : refused(caller, id, action, form, answer)));
    }

    private Mono<Rendering> refused(Caller caller, String id, String name, MultiValueMap<String, String> form,
                                    Answer answer) {
        return ProblemPage.isOwnPage(answer.status()) ? ProblemPage.of(answer.status())
                : page.account(caller, id, PageForms.refused(name, answer, form.toSingleValueMap()), answer.status());
    }

    private static ObjectNode idOnly(String id) {
        ObjectNode account = Forms.object();
        account.put("id", id);
        return account;
    }
}
