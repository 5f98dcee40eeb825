package se.samverka.gateway.portal.organisation;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;

/**
 * The organisation directory: who the municipality works with, searchable by name, type and country, and an
 * organisation's page with the partnerships it is a party to and the projects it owns, as far as the reader may see
 * them.
 */
@Controller
class OrganisationPages {

    private final Downstream downstream;
    private final Callers callers;
    private final OrganisationPage page;

    OrganisationPages(Downstream downstream, Callers callers, OrganisationPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.page = page;
    }

    @GetMapping("/organisations")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        String query = ListFilters.query("/api/organisations?size=200&sort=name",
                ListFilters.chosen(parameters, List.of("q", "type", "country")));
        return callers.current(exchange)
                .flatMap(caller -> downstream.call(Service.PARTNERSHIP, caller, Request.get(query))
                        .flatMap(answer -> !answer.ok() ? ProblemPage.of(answer.status())
                                : Mono.just(Rendering.view("organisations")
                                        .modelAttribute("page", answer.body())
                                        .modelAttribute("filters", parameters)
                                        .modelAttribute("mayRegister", OrganisationForm.mayRegister(caller))
                                        .build())))
                .onErrorResume(ProblemPage::of);
    }

    @GetMapping("/organisations/{id}")
    Mono<Rendering> organisation(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> page.render(caller, id, PageForms.NONE, HttpStatus.OK))
                .onErrorResume(ProblemPage::of);
    }
}
