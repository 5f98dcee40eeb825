package se.samverka.gateway.portal;

import java.time.Clock;
import java.time.Year;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.ServiceCalls.Reply;

/**
 * The reports for the municipality's staff: the portfolio's figures, department coverage (who has no international
 * dimension yet), funding per programme and year in SEK, the twin cities side by side, and the annual report's
 * exports (CSV, XLSX, PDF) — all filtered alike by year, department, strategy and country.
 */
@Controller
class ReportPages {

    static final List<String> FILTERS = List.of("year", "department", "strategy", "country");
    private static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Stockholm");

    private final ServiceCalls services;
    private final Callers callers;
    private final Clock clock;

    ReportPages(ServiceCalls services, Callers callers) {
        this.services = services;
        this.callers = callers;
        this.clock = Clock.system(MUNICIPALITY);
    }

    @GetMapping("/reports")
    Mono<Rendering> reports(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        Map<String, String> filters = ListFilters.chosen(parameters, FILTERS);
        int year = filters.containsKey("year") && filters.get("year").matches("\\d{4}")
                ? Integer.parseInt(filters.get("year")) : Year.now(clock).getValue();
        return callers.current(exchange).flatMap(caller -> Mono.zip(
                        services.report(caller, ListFilters.query("/api/reports/portfolio", filters)),
                        services.report(caller, ListFilters.query("/api/reports/coverage", filters)),
                        services.report(caller, ListFilters.query("/api/reports/funding", filters)),
                        services.report(caller, ListFilters.query("/api/reports/partnerships/twin-cities", filters))))
                .flatMap(reports -> {
                    Reply portfolio = reports.getT1();
                    if (!portfolio.ok()) {
                        return ProblemPage.of(portfolio.status());
                    }
                    return Mono.just(Rendering.view("reports")
                            .modelAttribute("filters", filters)
                            .modelAttribute("year", year)
                            .modelAttribute("portfolio", portfolio.body())
                            .modelAttribute("coverage", reports.getT2().body())
                            .modelAttribute("funding", reports.getT3().body())
                            .modelAttribute("twinCities", reports.getT4().body())
                            .build());
                })
                .onErrorResume(ProblemPage::of);
    }
}
