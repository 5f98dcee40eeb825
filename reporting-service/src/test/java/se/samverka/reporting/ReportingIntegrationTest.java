package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.reporting.coverage.Coverage;
import se.samverka.reporting.coverage.CoverageReport;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.funding.FundingReport;
import se.samverka.reporting.geography.GeographyReport;
import se.samverka.reporting.indicators.Indicators;
import se.samverka.reporting.indicators.IndicatorsReport;
import se.samverka.reporting.partnerships.PartnershipsReport;
import se.samverka.reporting.portfolio.PortfolioReport;
import se.samverka.reporting.priority.Priority;
import se.samverka.reporting.priority.PriorityReport;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.ReportFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * reporting-service on real infrastructure, fed with a history a test publishes. Other test classes publish to the
 * same topics, so tests look at what their own fresh organisations own (the {@code department} filter).
 */
// A generation a rebuild replaced is dropped at the writer's next look at its lease, not a minute later.
@TestPropertySource(properties = "samverka.reporting.writer.drop-after=0s")
abstract class ReportingIntegrationTest extends ServiceIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    static final JsonMapper JSON = JsonMapper.builder().build();

    History history;

    @BeforeEach
    void startAHistory() {
        history = new History(bootstrapServers());
    }

    @AfterEach
    void endTheHistory() {
        history.close();
    }

    JsonNode report(String uri, Object... variables) {
        return api.get(uri, variables).body();
    }

    /** The report once the condition holds, as the consumers apply the events asynchronously. */
    JsonNode awaitReport(String uri, Predicate<JsonNode> until, Object... variables) {
        return await().atMost(WAIT).until(() -> report(uri, variables), until);
    }

    /** Expects a 4xx problem document naming the parameter. */
    void expectRefused(String uri, HttpStatus status, String field) {
        api.http().get().uri(uri).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')].reason").exists();
    }

    /** The report without its freshness, which changes with every reading. */
    static JsonNode withoutFreshness(JsonNode report) {
        JsonNode copy = report.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy).remove("freshness");
        return copy;
    }

    /**
     * The portfolio's projects and the departments' open and ongoing projects as the figures kept with the entries
     * hold them (ADR 0022), the funding summed in them, and the partnerships read with only their projects, are as
     * counted from every entry, for each filter; so are the projects on the map (the geography), priority and the
     * indicators.
     */
    static void assertAnsweredAsFromEveryEntry(ReadModelSet set, Reports reports, ReportFilter... filters) {
        for (ReportFilter filter : filters) {
            assertThat(set.figures().counts(filter)).as("figures hold %s", filter).isPresent();
            assertReadAsFromEveryEntry(set, reports, filter);
        }
    }

    /**
     * Each report as read of the generation (from the figures, or where none hold what the filter covers from the
     * entries it may include) is as counted from every entry.
     */
    static void assertReadAsFromEveryEntry(ReadModelSet set, Reports reports, ReportFilter filter) {
        PortfolioReport portfolio = reports.portfolio();
        CoverageReport coverage = reports.coverage();
        Freshness notCompared = null;
        Snapshot snapshot = set.reading(ReadModelSet::snapshot).orElseThrow();
        assertThat(portfolio.of(set, filter, notCompared).projects()).as("the portfolio of %s", filter)
                .isEqualTo(portfolio.of(snapshot, filter, notCompared).projects());
        Function<Coverage, List<List<Object>>> counts = report -> report.departments().stream()
                .map(department -> List.<Object>of(department.organisationId(), department.openProjects(),
                        department.ongoingProjects(), department.hasInternationalDimension()))
                .toList();
        assertThat(counts.apply(coverage.counted(set, filter, notCompared))).as("coverage counted for %s", filter)
                .isEqualTo(counts.apply(coverage.of(snapshot, filter, notCompared)));
        assertThat(reports.partnerships().of(set, filter, notCompared)).as("the partnerships of %s", filter)
                .isEqualTo(reports.partnerships().of(snapshot, filter, notCompared));
        assertThat(reports.partnerships().twinCities(set, filter, notCompared)).as("the twin cities of %s", filter)
                .isEqualTo(reports.partnerships().twinCities(snapshot, filter, notCompared));
        assertThat(reports.funding().of(set, filter, notCompared)).as("the funding of %s", filter)
                .isEqualTo(reports.funding().of(snapshot, filter, notCompared));
        assertThat(reports.geography().of(set, filter, notCompared)).as("the geography of %s", filter)
                .isEqualTo(reports.geography().of(snapshot, filter, notCompared));
        Priority priority = reports.priority().of(snapshot, filter, notCompared);
        assertThat(reports.priority().of(set, filter, priority.threshold(), everything(priority.below()),
                notCompared)).as("the priority of %s", filter).isEqualTo(priority);
        assertThat(reports.priority().of(set, filter, priority.threshold(), SECOND_PAGE, notCompared).below())
                .as("the second page below the threshold of %s", filter)
                .isEqualTo(reports.priority().of(snapshot, filter, priority.threshold(), SECOND_PAGE, notCompared)
                        .below());
        Indicators indicators = reports.indicators().of(snapshot, filter, new Paging(0, 1, Sort.unsorted()),
                notCompared);
        Paging allProjects = everything(indicators.projects());
        assertThat(reports.indicators().of(set, filter, allProjects, notCompared))
                .as("the indicators of %s", filter)
                .isEqualTo(reports.indicators().of(snapshot, filter, allProjects, notCompared));
        assertThat(reports.indicators().of(set, filter, SECOND_PAGE, notCompared))
                .as("the second page of the indicators of %s", filter)
                .isEqualTo(reports.indicators().of(snapshot, filter, SECOND_PAGE, notCompared));
    }

    private static final Paging SECOND_PAGE = new Paging(1, 2, Sort.unsorted());

    /** One page of every item the page counts. */
    private static Paging everything(PageResponse<?> page) {
        return new Paging(0, (int) Math.max(1, page.totalItems()), Sort.unsorted());
    }

    /** The reports {@link #assertReadAsFromEveryEntry} compares. */
    record Reports(PortfolioReport portfolio, CoverageReport coverage, PartnershipsReport partnerships,
                   FundingReport funding, GeographyReport geography, PriorityReport priority,
                   IndicatorsReport indicators) {
    }

    /** The count of one value of a dimension, e.g. {@code count(portfolio.path("projects"), "status", "IDEA")}. */
    static long count(JsonNode part, String dimension, String key) {
        for (JsonNode count : part.path("by").path(dimension)) {
            if (key.equals(count.path("key").asString())) {
                return count.path("count").asLong();
            }
        }
        return 0;
    }
}
