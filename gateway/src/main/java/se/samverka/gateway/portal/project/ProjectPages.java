package se.samverka.gateway.portal.project;

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
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.ProblemPage;
import se.samverka.gateway.views.Views;

/**
 * The projects as the reader may see them: a searchable, filterable list, and a project's page composing everything
 * the project view gives (partners, partnerships, money, indicators, activities, history, assessment and the reports'
 * figures). Each service decides what this reader sees, so the pages need no login of their own: without one they
 * show the public projects (the public feed links to them), with one what the reader's role may read.
 */
@Controller
class ProjectPages {

    /** The list's filters, as project-service names them. */
    private static final List<String> FILTERS = List.of("q", "status", "strategy", "growthArea", "country",
            "programme", "page");
    private static final String PAGE_SIZE = "20";

    private final Views views;
    private final Callers callers;
    private final ProjectPage page;

    ProjectPages(Views views, Callers callers, ProjectPage page) {
        this.views = views;
        this.callers = callers;
        this.page = page;
    }

    @GetMapping("/projects")
    Mono<Rendering> list(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        Map<String, String> filters = ListFilters.chosen(parameters, FILTERS);
        filters.put("size", PAGE_SIZE);
        return callers.current(exchange).flatMap(caller -> views.catalogue(filters, caller))
                .map(catalogue -> Rendering.view("projects")
                        .modelAttribute("catalogue", catalogue)
                        .modelAttribute("filters", filters)
                        .build())
                .onErrorResume(ProblemPage::of);
    }

    @GetMapping("/projects/{id}")
    Mono<Rendering> project(@PathVariable String id, ServerWebExchange exchange) {
        return callers.current(exchange).flatMap(caller -> views.project(id, caller)
                        .flatMap(view -> page.render(view, caller, Map.of(), HttpStatus.OK)))
                .onErrorResume(ProblemPage::of);
    }
}
