package se.samverka.gateway.portal.report;

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
import se.samverka.gateway.downstream.Answer;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.identity.Callers;
import se.samverka.gateway.portal.ListFilters;
import se.samverka.gateway.portal.ProblemPage;

/**
 * The reports for the municipality's staff: the portfolio's figures, department coverage (who has no international
 * dimension yet), funding per programme and year in SEK, the twin cities side by side, and the annual report's
 * exports (CSV, XLSX, PDF) — all filtered alike by year, department, strategy and country.
 */
@Controller
class ReportPages {

    private static final List<String> FILTERS = List.of("year", "department", "strategy", "country");
    private static final ZoneId MUNICIPALITY = ZoneId.of("Europe/Stockholm");

    private final Downstream downstream;
    private final Callers callers;
    private final Clock clock;

    ReportPages(Downstream downstream, Callers callers) {
        this.downstream = downstream;
        this.callers = callers;
        this.clock = Clock.system(MUNICIPALITY);
    }

    @GetMapping("/reports")
    Mono<Rendering> reports(@RequestParam Map<String, String> parameters, ServerWebExchange exchange) {
        Map<String, String> filters = ListFilters.chosen(parameters, FILTERS);
        int year = filters.containsKey("year") && filters.get("year").matches("\\d{4}")
                ? Integer.parseInt(filters.get("year")) : Year.now(clock).getValue();
        return callers.current(exchange).flatMap(caller -> Mono.zip(
                        report(caller, "/api/reports/portfolio", filters),
                        report(caller, "/api/reports/coverage?projects=counted", filters),
                        report(caller, "/api/reports/funding", filters),
                        report(caller, "/api/reports/partnerships/twin-cities", filters),
                        // The broker's figures are the whole municipality's: of the filters only the year applies.
                        report(caller, "/api/reports/broker", yearOnly(filters))))
                .flatMap(reports -> {
                    Answer portfolio = reports.getT1();
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
                            .modelAttribute("broker", reports.getT5().ok() ? reports.getT5().body() : null)
                            .build());
                })
                .onErrorResume(ProblemPage::of);
    }

    private static Map<String, String> yearOnly(Map<String, String> filters) {
        return filters.containsKey("year") ? Map.of("year", filters.get("year")) : Map.of();
    }

    private Mono<Answer> report(Caller caller, String path, Map<String, String> filters) {
        return downstream.call(Service.REPORTING, caller, Request.get(ListFilters.query(path, filters)));
    }
}
