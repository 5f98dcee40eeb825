package se.samverka.gateway.portal.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.map.WorldMap;
import se.samverka.gateway.views.Views;
import tools.jackson.databind.JsonNode;

/**
 * The staff dashboard: the portfolio at a glance, the reader's own organisation's projects and the latest activity,
 * from the same view the API serves ({@code /api/views/dashboard}), the departments and municipal companies with
 * no international dimension yet, and what comes due: funding calls closing and partnership agreements expiring or
 * to be renewed. It is the municipality's: other roles are told so.
 */
@Controller
class DashboardPage {

    private final Views views;
    private final Callers callers;
    private final Downstream downstream;
    private final WorldMap world;

    DashboardPage(Views views, Callers callers, Downstream downstream, WorldMap world) {
        this.views = views;
        this.callers = callers;
        this.downstream = downstream;
        this.world = world;
    }

    private static List<String> names(JsonNode units) {
        List<String> names = new ArrayList<>();
        units.forEach(unit -> names.add(unit.path("name").asString()));
        return names;
    }

    /**
     * A part of the panel of what comes due, from partnership-service: the items its answer lists, or none when it
     * could not be read.
     */
    private Mono<Optional<List<JsonNode>>> comingUp(Caller caller, String path, UnaryOperator<JsonNode> items) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get(path))
                .map(answer -> {
                    JsonNode listing = answer.ok() ? items.apply(answer.body()) : null;
                    if (listing == null || !listing.isArray()) {
                        return Optional.<List<JsonNode>>empty();
                    }
                    List<JsonNode> listed = new ArrayList<>();
                    listing.forEach(listed::add);
                    return Optional.of(listed);
                })
                .onErrorReturn(Optional.empty());
    }

    @GetMapping("/dashboard")
    Mono<Rendering> dashboard(ServerWebExchange exchange, Locale locale) {
        return callers.current(exchange).flatMap(caller -> {
            if (!caller.isMunicipality()) {
                return Mono.just(Rendering.view("not-allowed").status(HttpStatus.FORBIDDEN).build());
            }
            // Who has no international dimension yet: each department head answers for one (the strategy).
            Mono<List<String>> without = downstream.call(Service.REPORTING, caller,
                            Request.get("/api/reports/coverage?projects=counted"))
                    .map(answer -> answer.ok() ? names(answer.body().path("without")) : List.<String>of())
                    .onErrorReturn(List.of());
            // What comes due: each its own part, shown as not available when it cannot be read.
            Mono<Optional<List<JsonNode>>> closingCalls = comingUp(caller, "/api/calls?closingWithinDays=30",
                    answer -> answer.path("items"));
            Mono<Optional<List<JsonNode>>> agreementsDue = comingUp(caller,
                    "/api/partnerships/agreements/due?withinDays=90", answer -> answer);
            return Mono.zip(views.dashboard(caller), without, closingCalls, agreementsDue)
                    .map(all -> Rendering.view("dashboard")
                            .modelAttribute("dashboard", Dashboard.of(all.getT1(), locale, world))
                            .modelAttribute("withoutInternationalDimension", all.getT2())
                            .modelAttribute("closingCalls", all.getT3().orElse(null))
                            .modelAttribute("agreementsDue", all.getT4().orElse(null))
                            .build())
                    .onErrorResume(failure -> Mono.just(Rendering.view("dashboard")
                            .modelAttribute("unavailable", true)
                            .status(HttpStatus.SERVICE_UNAVAILABLE)
                            .build()));
        });
    }
}
