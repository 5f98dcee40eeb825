package se.samverka.gateway.portal.account;

import java.util.List;
import java.util.function.Function;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.Forms;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.tokens.SecuritySettings;
import tools.jackson.databind.JsonNode;

/**
 * The coordinator's machine clients, through which a partner's own system calls the platform: the list, a new
 * client, a new secret and deactivation. A secret is shown once, on the page that answers its making: the provider
 * keeps only its hash, and the old one stops working at once when it is rotated.
 */
@Controller
class MachineClientPages {

    private static final String FORM = "machine-client";
    private static final String CLIENT = "/machine-clients/{clientId:" + PageForms.ID + "}";

    private final Downstream downstream;
    private final Callers callers;
    private final AccountPage accounts;
    private final SecuritySettings security;

    MachineClientPages(Downstream downstream, Callers callers, AccountPage accounts, SecuritySettings security) {
        this.downstream = downstream;
        this.callers = callers;
        this.accounts = accounts;
        this.security = security;
    }

    @GetMapping("/machine-clients")
    Mono<Rendering> list(ServerWebExchange exchange) {
        return asCoordinator(exchange, caller -> page(caller, PageForms.NONE, HttpStatus.OK));
    }

    @PostMapping("/machine-clients")
    Mono<Rendering> create(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> asCoordinator(exchange, caller -> downstream.call(
                        Service.IDENTITY, caller, Request.change(HttpMethod.POST, "/api/machine-clients", null,
                                AccountForm.machineClient(form)))
                .flatMap(answer -> answer.ok() ? secret(answer.body(), false, HttpStatus.CREATED)
                        : ProblemPage.isOwnPage(answer.status()) ? ProblemPage.of(answer.status())
                        : page(caller, PageForms.refused(FORM, answer, form.toSingleValueMap()), answer.status()))));
    }

    @PostMapping(CLIENT + "/secret")
    Mono<Rendering> rotate(@PathVariable String clientId, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> asCoordinator(exchange, caller -> downstream.call(
                        Service.IDENTITY, caller, new Request(HttpMethod.POST, "/api/machine-clients/{id}/secret",
                                List.of(clientId), null, null))
                .flatMap(answer -> answer.ok() ? secret(answer.body(), true, HttpStatus.CREATED)
                        : ProblemPage.of(answer.status()))));
    }

    @PostMapping(CLIENT + "/deactivation")
    Mono<Rendering> deactivate(@PathVariable String clientId, ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> asCoordinator(exchange, caller -> downstream.call(
                        Service.IDENTITY, caller, new Request(HttpMethod.POST,
                                "/api/machine-clients/{id}/deactivation", List.of(clientId), null, null))
                .flatMap(answer -> answer.ok() ? Forms.redirect("/machine-clients")
                        : ProblemPage.of(answer.status()))));
    }

    /**
     * The page for the coordinator; anyone else is told it is not for them. A form is read before this is asked, for
     * anyone: a request answered before its body was read now and then left its connection answering nothing more.
     */
    private Mono<Rendering> asCoordinator(ServerWebExchange exchange, Function<Caller, Mono<Rendering>> page) {
        return callers.current(exchange)
                .flatMap(caller -> caller.role() == Role.ADMIN ? page.apply(caller)
                        : AccountPage.notAllowed("notAllowed.machineClients"))
                .onErrorResume(ProblemPage::of);
    }

    private Mono<Rendering> page(Caller caller, PageForms forms, HttpStatusCode status) {
        return Mono.zip(downstream.call(Service.IDENTITY, caller, Request.get("/api/machine-clients")),
                        accounts.organisations(caller))
                .flatMap(found -> !found.getT1().ok() ? ProblemPage.of(found.getT1().status())
                        : Mono.just(Rendering.view("machine-clients")
                                .modelAttribute("clients", found.getT1().body().path("clients"))
                                .modelAttribute("organisations", found.getT2())
                                .modelAttribute("organisationNames", AccountPage.names(found.getT2()))
                                .modelAttribute("roles", AccountForm.ROLES)
                                .modelAttribute("forms", forms)
                                .modelAttribute("f", forms.form(FORM))
                                .status(status)
                                .build()));
    }

    /** The secret, once, with how the partner's system gets a token with it. */
    private Mono<Rendering> secret(JsonNode made, boolean rotated, HttpStatusCode status) {
        return Mono.just(Rendering.view("machine-client-secret")
                .modelAttribute("client", made.path("client"))
                .modelAttribute("secret", made.path("secret").asString(""))
                .modelAttribute("rotated", rotated)
                .modelAttribute("tokenUri", security.issuer() + "/oauth2/token")
                .status(status)
                .build());
    }
}
