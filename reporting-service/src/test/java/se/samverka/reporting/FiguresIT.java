package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.reporting.History.money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import se.samverka.platform.web.Paging;
import se.samverka.reporting.coverage.CoverageReport;
import se.samverka.reporting.funding.FundingReport;
import se.samverka.reporting.geography.GeographyReport;
import se.samverka.reporting.indicators.IndicatorsReport;
import se.samverka.reporting.partnerships.PartnershipsReport;
import se.samverka.reporting.portfolio.PortfolioReport;
import se.samverka.reporting.priority.PriorityReport;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.ReadModels;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.ReportFilter;
import tools.jackson.databind.JsonNode;

/**
 * The portfolio's figures kept with the entries (ADR 0022) against the same portfolio counted from every entry, after
 * a history in which projects name organisations before their registration is read and an organisation moves.
 */
class FiguresIT extends ReportingIntegrationTest {

    @Autowired
    ReadModels models;
    @Autowired
    PortfolioReport portfolio;
    @Autowired
    CoverageReport coverage;
    @Autowired
    PartnershipsReport partnerships;
    @Autowired
    FundingReport funding;
    @Autowired
    GeographyReport geography;
    @Autowired
    PriorityReport priority;
    @Autowired
    IndicatorsReport indicators;

    @Test
    void theFiguresCountWhatEveryEntryCountsWhateverOrderTheTopicsCameIn() {
        String department = history.organisation("Miljö- och samhällsnämnden", "DEPARTMENT", "SE", "SE-Z");
        String company = history.organisation("Jämtlandsbolaget AB", "COMPANY", "SE", "SE-Z");
        String kajaani = UUID.randomUUID().toString();
        String strategy = "S" + UUID.randomUUID().toString().substring(0, 6);

        String winter = history.project("Vinterstaden", department, List.of(strategy, "S2"),
                List.of("EXPERIENCE_INDUSTRY"), List.of(), LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31));
        history.partner(winter, kajaani, "PARTNER");
        history.fundingLine(winter, "INTERREG_AURORA", money("1000.00", "EUR"), null, null, null, null);
        String exact = history.fundingLine(winter, "INTERREG_AURORA", money("0.005", "EUR"), null, null, null, null);
        history.fundingLine(winter, "HORIZON_EUROPE", money("1000", "CHF"), money("900.50", "CHF"), null,
                History.sek("120.00"), LocalDate.of(2025, 2, 1));
        history.fundingLineRemoved(winter, exact);
        history.status(winter, "IDEA", "PRE_STUDY");
        history.health(winter, "AT_RISK");
        history.assessed(winter, 35.5, "CLEAR_RESULTS");
        String visitors = history.indicator(winter, "RESULT", "Besökare", "besökare", "10", "100.50");
        history.indicatorReport(winter, visitors, LocalDate.of(2026, 2, 1), "40.25");
        history.indicator(winter, "OUTPUT", "Leder", "km", null, "12");
        String openEnded = history.project("Handel över gränsen", department, List.of("S3"), List.of(), List.of(),
                LocalDate.of(2025, 3, 1), null);
        history.partner(openEnded, company, "PARTNER");
        history.assessed(openEnded, 62.5);
        // Tied on score: Swedish order puts Å before Ä, the characters' codes the other way round.
        for (String title : List.of("Ängsmark", "Åre", "älvdal")) {
            String tied = history.project(title, department, List.of(strategy), List.of(), List.of(),
                    LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
            history.assessed(tied, 35.5, "GROWTH_AREAS");
            history.indicator(tied, "OUTPUT", "Möten", "möten", "0", "4");
        }
        history.project("Idé utan datum", department, List.of(strategy), List.of(), List.of(), null, null);
        history.project("Förr", department, List.of(), List.of(), List.of(), LocalDate.of(2019, 5, 1),
                LocalDate.of(2020, 6, 30));
        awaitReport("/api/reports/portfolio?department={d}",
                portfolio -> portfolio.path("projects").path("total").asLong() == 7, department);
        history.organisationNamedBefore(kajaani, "Kajaanin kaupunki", "FOREIGN_CITY", "FI");
        String later = history.project("Efter registreringen", department, List.of(strategy), List.of(), List.of(),
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        history.partner(later, kajaani, "LEAD");
        history.indicatorReport(winter, visitors, LocalDate.of(2026, 3, 1), "50");
        history.assessed(later, 20, "CLEAR_RESULTS", "GROWTH_AREAS");
        history.organisationUpdated(company, "Jämtlandsbolaget AB", "COMPANY", "NO");

        JsonNode report = awaitReport("/api/reports/portfolio?department={d}",
                portfolio -> portfolio.path("projects").path("total").asLong() == 8
                        && count(portfolio.path("projects"), "country", "FI") == 2
                        && count(portfolio.path("projects"), "country", "NO") == 1, department);
        JsonNode projects = report.path("projects");
        JsonNode below = awaitReport("/api/reports/priority?department={d}&threshold=40", priority ->
                priority.path("assessed").asLong() == 6 && priority.path("below").path("totalItems").asLong() == 5,
                department).path("below");
        assertThat(below.path("items").findValuesAsString("title")).as("lowest first, a score's in Swedish order")
                .containsExactly("Efter registreringen", "Vinterstaden", "Åre", "älvdal", "Ängsmark");
        awaitReport("/api/reports/indicators?department={d}", indicators ->
                indicators.toString().contains("\"latest\":\"50\""), department);
        assertThat(count(projects, "country", "SE")).as("every project has its owner in Sweden").isEqualTo(8);
        assertThat(count(projects, "sector", "PRIVATE")).isEqualTo(1);
        assertThat(count(projects, "strategy", strategy)).isEqualTo(6);
        assertThat(count(projects, "status", "PRE_STUDY")).isEqualTo(1);
        assertThat(count(projects, "programme", "INTERREG_AURORA")).isEqualTo(1);
        assertThat(count(projects, "year", "2019")).isEqualTo(1);
        assertThat(count(projects, "year", String.valueOf(LocalDate.now().getYear())))
                .as("the open-ended project runs until this year").isGreaterThanOrEqualTo(1);
        assertThat(report("/api/reports/portfolio?strategy={s}", strategy).path("projects").path("total").asLong())
                .isEqualTo(6);
        JsonNode sweden = report("/api/reports/geography?department={d}", department).path("countries").path(0);
        assertThat(sweden.path("country").asString()).isEqualTo("SE");
        assertThat(sweden.path("regions").path(0).path("region").asString()).isEqualTo("SE-Z");
        assertThat(sweden.path("regions").path(0).path("projects").asLong()).as("the map's projects in Jämtland")
                .isEqualTo(8);

        assertAnsweredAsFromEveryEntry(models.current(),
                new Reports(portfolio, coverage, partnerships, funding, geography, priority, indicators),
                ReportFilter.ALL, new ReportFilter(null, department, null, null), new ReportFilter(null, null, strategy, null),
                new ReportFilter(null, null, "S3", null), new ReportFilter(null, null, null, "FI"),
                new ReportFilter(null, null, null, "NO"), new ReportFilter(2020, null, null, null),
                new ReportFilter(2025, null, null, null), new ReportFilter(2030, null, null, null));
    }

    @Test
    void aFilterOfTwoPartsReadsOnlyTheEntriesItMayIncludeAndCountsAsEveryEntryDoes() {
        String department = history.organisation("Kommunledningsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String other = history.organisation("Socialförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String kajaani = history.organisation("Kajaanin kaupunki", "FOREIGN_CITY", "FI", null);
        String strategy = "S" + UUID.randomUUID().toString().substring(0, 6);
        // In and out of each part: the department, the strategy, 2025, Finland.
        String inAll = history.project("I allt", department, List.of(strategy), List.of(), List.of(),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        history.partner(inAll, kajaani, "PARTNER");
        history.fundingLine(inAll, "INTERREG_AURORA", money("1000.00", "EUR"), money("800.00", "EUR"), null, null,
                LocalDate.of(2025, 3, 1));
        history.assessed(inAll, 35.5, "CLEAR_RESULTS");
        history.indicator(inAll, "OUTPUT", "Möten", "möten", "0", "4");
        String earlier = history.project("Tidigare", department, List.of("S2"), List.of(), List.of(),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        history.fundingLine(earlier, "ERASMUS_PLUS", money("500.00", "EUR"), null, null, null, null);
        String taking = history.project("Deltagande", other, List.of(strategy), List.of(), List.of(),
                LocalDate.of(2025, 6, 1), LocalDate.of(2026, 5, 31));
        history.partner(taking, department, "PARTNER");
        history.status(taking, "IDEA", "PRE_STUDY");
        history.assessed(taking, 20, "GROWTH_AREAS");
        String abroad = history.project("Utomlands", other, List.of(strategy), List.of(), List.of(),
                LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31));
        history.partner(abroad, kajaani, "LEAD");
        history.fundingLine(abroad, "INTERREG_AURORA", money("200.00", "EUR"), null, null, null, null);
        String openEnded = history.project("Tills vidare", department, List.of(strategy), List.of(), List.of(),
                LocalDate.of(2023, 1, 1), null);
        history.indicator(openEnded, "RESULT", "Besökare", "besökare", "10", "100");
        String cancelled = history.project("Avbrutet", department, List.of(strategy), List.of(), List.of(),
                LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        history.status(cancelled, "IDEA", "CANCELLED");
        awaitReport("/api/reports/portfolio?strategy={s}", portfolio -> portfolio.path("projects").path("total")
                .asLong() == 5 && count(portfolio.path("projects"), "country", "FI") == 2
                && count(portfolio.path("projects"), "status", "CANCELLED") == 1
                && count(portfolio.path("projects"), "status", "PRE_STUDY") == 1
                && count(portfolio.path("projects"), "programme", "INTERREG_AURORA") == 2, strategy);
        awaitReport("/api/reports/coverage?department={d}", coverage -> coverage.path("departments").path(0)
                .path("openProjects").asLong() == 4, department);
        awaitReport("/api/reports/indicators?strategy={s}", indicators ->
                indicators.path("projects").path("totalItems").asLong() == 2, strategy);
        awaitReport("/api/reports/priority?strategy={s}", priority -> priority.path("assessed").asLong() == 2,
                strategy);
        awaitReport("/api/reports/funding?department={d}", funding -> funding.path("rows").size() == 2, department);

        ReadModelSet set = models.current();
        List<ReportFilter> twoParts = List.of(new ReportFilter(2025, department, null, null),
                new ReportFilter(null, department, strategy, null), new ReportFilter(null, department, null, "FI"),
                new ReportFilter(2025, null, strategy, null), new ReportFilter(null, null, strategy, "FI"),
                new ReportFilter(2025, null, strategy, "FI"), new ReportFilter(2025, department, strategy, "FI"));
        Reports reports = new Reports(portfolio, coverage, partnerships, funding, geography, priority, indicators);
        for (ReportFilter filter : twoParts) {
            assertThat(set.figures().counts(filter)).as("no figures hold %s", filter).isEmpty();
            assertReadAsFromEveryEntry(set, reports, filter);
        }

        Snapshot everything = set.reading(ReadModelSet::snapshot).orElseThrow();
        List<ReportFilter> departmentPages = new ArrayList<>(twoParts);
        departmentPages.addAll(List.of(ReportFilter.ALL, new ReportFilter(2025, null, null, null),
                new ReportFilter(null, null, null, "FI")));
        for (ReportFilter filter : departmentPages) {
            for (String organisation : List.of(department, other)) {
                for (Paging page : List.of(new Paging(0, 2, Sort.unsorted()), new Paging(1, 2, Sort.unsorted()))) {
                    assertThat(set.reading(readable -> coverage.projects(readable, organisation, filter, page, null)))
                            .as("the projects of %s in %s, %s", organisation, filter, page)
                            .contains(coverage.projects(everything, organisation, filter, page, null));
                }
            }
        }
        Snapshot narrowed = set.reading(readable -> readable.snapshot(new ReportFilter(2025, department, null, null)))
                .orElseThrow();
        assertThat(narrowed.projects()).as("read by the index: the department's projects that run in 2025")
                .containsOnlyKeys(inAll, openEnded, cancelled);
        assertThat(everything.projects()).containsKeys(inAll, earlier, taking, abroad, openEnded, cancelled);
        assertThat(narrowed.organisations().keySet()).as("the organisations whole, for the reports to join")
                .isEqualTo(everything.organisations().keySet());
        assertThat(narrowed.partnerships().keySet()).isEqualTo(everything.partnerships().keySet());
        assertThat(set.reading(readable -> readable.snapshot(new ReportFilter(null, null, strategy, "FI")))
                .orElseThrow().projects()).containsOnlyKeys(inAll, abroad);
    }
}
