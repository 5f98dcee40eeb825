package se.samverka.gateway.portal.account;

import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import tools.jackson.databind.JsonNode;

/**
 * The accounts of the people who use the platform, kept by the identity provider: the list, searchable and filtered
 * by status, the invitation of a person (the coordinator anyone, a lead their colleagues), and an account's page. An
 * invitation's one-time link is shown once, on the page that answers it: the provider keeps only its hash.
 */
@Controller
class AccountPages {

    private final Downstream downstream;
    private final AccountPage page;

    AccountPages(Downstream downstream, AccountPage page) {
        this.downstream = downstream;
        this.page = page;
    }

    @GetMapping("/accounts")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        return page.forAdministrators(exchange, caller -> page.list(caller,
                ListFilters.chosen(parameters, AccountPage.FILTERS), PageForms.NONE, HttpStatus.OK));
    }

    @PostMapping("/accounts")
    Mono<Rendering> invite(ServerWebExchange exchange) {
        return page.formForAdministrators(exchange, (caller, form) -> downstream.call(Service.IDENTITY, caller,
                        Request.change(HttpMethod.POST, "/api/accounts/invitations", null,
                                AccountForm.invitation(form)))
                .flatMap(answer -> answer.ok()
                        ? link("invitation", answer.body().path("account"), answer.body().path("invitation"))
                        : ProblemPage.isOwnPage(answer.status()) ? ProblemPage.of(answer.status())
                        : page.list(caller, Map.of(), PageForms.refused(AccountPage.INVITE, answer,
                                form.toSingleValueMap()), answer.status())));
    }

    @GetMapping("/accounts/{id:" + PageForms.ID + "}")
    Mono<Rendering> account(@PathVariable String id, ServerWebExchange exchange) {
        return page.forAdministrators(exchange, caller -> page.account(caller, id, PageForms.NONE, HttpStatus.OK));
    }

    /**
     * The page that shows a one-time link (an invitation, a password reset) once, with whether the provider mailed it.
     *
     * @param kind    {@code invitation}, {@code renewal} or {@code passwordReset}
     * @param account the account it is for; its id is enough
     */
    static Mono<Rendering> link(String kind, JsonNode account, JsonNode link) {
        return Mono.just(Rendering.view("account-link")
                .modelAttribute("kind", kind)
                .modelAttribute("account", account)
                .modelAttribute("link", link)
                .status(HttpStatus.CREATED)
                .build());
    }
}
