package se.samverka.gateway.portal;

import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.views.Views;

/**
 * The staff dashboard: the portfolio at a glance, the reader's own organisation's projects and the latest activity,
 * from the same view the API serves ({@code /api/views/dashboard}). It is the municipality's: other roles are told so.
 */
@Controller
class DashboardPage {

    private final Views views;
    private final Callers callers;

    DashboardPage(Views views, Callers callers) {
        this.views = views;
        this.callers = callers;
    }

    @GetMapping("/dashboard")
    Mono<Rendering> dashboard(ServerWebExchange exchange, Locale locale) {
        return callers.current(exchange).flatMap(caller -> {
            if (!caller.isMunicipality()) {
                return Mono.just(Rendering.view("not-allowed").status(HttpStatus.FORBIDDEN).build());
            }
            return views.dashboard(caller)
                    .map(view -> Rendering.view("dashboard")
                            .modelAttribute("dashboard", Dashboard.of(view, locale))
                            .build())
                    .onErrorResume(failure -> Mono.just(Rendering.view("dashboard")
                            .modelAttribute("unavailable", true)
                            .status(HttpStatus.SERVICE_UNAVAILABLE)
                            .build()));
        });
    }
}
