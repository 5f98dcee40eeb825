package se.samverka.gateway.portal.introduction;

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
 * The introductions the broker made, as the reader may see them (each side, the proposer, the municipality's staff:
 * partnership-service decides): the list, filterable by status, and an introduction's page.
 */
@Controller
class IntroductionPages {

    private static final List<String> STATUSES = List.of("PROPOSED", "ACCEPTED", "DECLINED");

    private final Downstream downstream;
    private final Callers callers;
    private final IntroductionPage page;

    IntroductionPages(Downstream downstream, Callers callers, IntroductionPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.page = page;
    }

    @GetMapping("/introductions")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        Map<String, String> filters = ListFilters.chosen(parameters, List.of("status"));
        return callers.current(exchange).flatMap(caller -> downstream.call(Service.PARTNERSHIP, caller,
                                Request.get(ListFilters.query("/api/introductions?size=100", filters)))
                        .flatMap(answer -> !answer.ok() ? ProblemPage.of(answer.status())
                                : Mono.just(Rendering.view("introductions")
                                        .modelAttribute("page", answer.body())
                                        .modelAttribute("filters", filters)
                                        .modelAttribute("statuses", STATUSES)
                                        .build())))
                .onErrorResume(ProblemPage::of);
    }

    @GetMapping("/introductions/{id:" + PageForms.ID + "}")
    Mono<Rendering> introduction(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> page.render(caller, id, PageForms.NONE, HttpStatus.OK))
                .onErrorResume(ProblemPage::of);
    }
}
