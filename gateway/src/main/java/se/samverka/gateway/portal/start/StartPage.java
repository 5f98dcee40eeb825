package se.samverka.gateway.portal.start;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.PublicProject;
import se.samverka.gateway.views.CatalogueView;
import se.samverka.gateway.views.Views;

/**
 * The public start page: the municipality's PUBLIC international projects, for anyone, without login. It asks as an
 * anonymous caller whoever is signed in, so it shows exactly the open data; signed-in readers have their own pages.
 */
@Controller
class StartPage {

    /** The open catalogue's first page: enough for a start page, the rest is in the API and the catalogue. */
    private static final Map<String, String> PUBLIC_PROJECTS = new LinkedHashMap<>(Map.of("size", "50"));

    private final Views views;

    StartPage(Views views) {
        this.views = views;
    }

    @GetMapping("/")
    Mono<Rendering> start(Locale locale) {
        return views.catalogue(PUBLIC_PROJECTS, Caller.ANONYMOUS)
                .map(catalogue -> Rendering.view("start")
                        .modelAttribute("projects", projects(catalogue, locale))
                        .modelAttribute("total", catalogue.page().totalItems())
                        .build())
                // The page still opens and says so: a reader gets a sentence, not an error document.
                .onErrorResume(failure -> Mono.just(Rendering.view("start")
                        .modelAttribute("projects", List.of())
                        .modelAttribute("unavailable", true)
                        .status(HttpStatus.SERVICE_UNAVAILABLE)
                        .build()));
    }

    private static List<PublicProject> projects(CatalogueView catalogue, Locale locale) {
        return catalogue.items().stream().map(project -> PublicProject.of(project, locale)).toList();
    }
}
