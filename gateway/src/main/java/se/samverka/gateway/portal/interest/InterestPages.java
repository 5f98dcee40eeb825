package se.samverka.gateway.portal.interest;

import java.util.LinkedHashMap;
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
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.platform.tokens.Role;

/**
 * The interests of the broker, what local actors offer and seek abroad: a company's own organisation's, everything
 * the municipality's staff may read, and for a partner of the county those shared with it (partnership-service
 * decides what each reads); and an interest's page with its matches.
 */
@Controller
class InterestPages {

    private final Downstream downstream;
    private final Callers callers;
    private final InterestPage page;

    InterestPages(Downstream downstream, Callers callers, InterestPage page) {
        this.downstream = downstream;
        this.callers = callers;
        this.page = page;
    }

    @GetMapping("/interests")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        Map<String, String> filters = ListFilters.chosen(parameters, List.of("direction", "status"));
        return callers.current(exchange).flatMap(caller -> downstream.call(Service.PARTNERSHIP, caller,
                                Request.get(ListFilters.query("/api/interests?size=100", query(caller, filters))))
                        .flatMap(answer -> !answer.ok() ? ProblemPage.of(answer.status())
                                : Mono.just(Rendering.view("interests")
                                        .modelAttribute("page", answer.body())
                                        .modelAttribute("filters", filters)
                                        .modelAttribute("directions", InterestForm.DIRECTIONS)
                                        .modelAttribute("statuses", InterestForm.STATUSES)
                                        .modelAttribute("mayState", InterestForm.mayState(caller))
                                        .build())))
                .onErrorResume(ProblemPage::of);
    }

    @GetMapping("/interests/{id:" + PageForms.ID + "}")
    Mono<Rendering> interest(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> page.render(caller, id, PageForms.NONE, HttpStatus.OK))
                .onErrorResume(ProblemPage::of);
    }

    /** A company works with its own organisation's interests: the list is theirs, not all it may read. */
    private static Map<String, String> query(Caller caller, Map<String, String> filters) {
        Map<String, String> query = new LinkedHashMap<>();
        if (caller.role() == Role.COMPANY && caller.organisationId() != null) {
            query.put("organisationId", caller.organisationId());
        }
        query.putAll(filters);
        return query;
    }
}
