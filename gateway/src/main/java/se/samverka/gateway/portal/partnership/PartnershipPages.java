package se.samverka.gateway.portal.partnership;

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
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.gateway.views.Views;

/**
 * The partnership register as the reader may see it: the list (twin cities, development partnerships, regional
 * cooperation...), searchable by type and text, and a partnership's page with its parties, agreement, decisions,
 * history and the projects linked to it (those the reader may read, from project-service).
 */
@Controller
class PartnershipPages {

    private final Downstream downstream;
    private final Views views;
    private final Callers callers;
    private final PartnershipPage page;

    PartnershipPages(Downstream downstream, Views views, Callers callers, PartnershipPage page) {
        this.downstream = downstream;
        this.views = views;
        this.callers = callers;
        this.page = page;
    }

    @GetMapping("/partnerships")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        String query = ListFilters.query("/api/partnerships?size=100&sort=name",
                ListFilters.chosen(parameters, List.of("type", "q")));
        return callers.current(exchange)
                .flatMap(caller -> downstream.call(Service.PARTNERSHIP, caller, Request.get(query)))
                .flatMap(answer -> !answer.ok() ? ProblemPage.of(answer.status())
                        : Mono.just(Rendering.view("partnerships")
                                .modelAttribute("page", answer.body())
                                .modelAttribute("filters", parameters)
                                .build()))
                .onErrorResume(ProblemPage::of);
    }

    @GetMapping("/partnerships/{id}")
    Mono<Rendering> partnership(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> views.partnership(id, caller)
                        .flatMap(view -> page.render(view, caller, Map.of(), HttpStatus.OK)))
                .onErrorResume(ProblemPage::of);
    }
}
