package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.reporting.History.sek;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import se.samverka.reporting.coverage.CoverageReport;
import se.samverka.reporting.funding.FundingReport;
import se.samverka.reporting.geography.GeographyReport;
import se.samverka.reporting.indicators.IndicatorsReport;
import se.samverka.reporting.partnerships.PartnershipsReport;
import se.samverka.reporting.portfolio.PortfolioReport;
import se.samverka.reporting.priority.PriorityReport;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.report.ReportFilter;
import se.samverka.reporting.readmodel.ReadModels;
import tools.jackson.databind.JsonNode;

/** Rebuilding the read models from the topics, while the generation in use keeps serving and being fed. */
class RebuildIT extends ReportingIntegrationTest {

    private static final List<String> MODELS = List.of("organisations", "partnerships", "projects", "calls",
            "interests", "introductions", "feed");

    private final MongoOperations mongo;
    private final ReadModels models;
    private final Reports reports;

    @Autowired
    RebuildIT(MongoOperations mongo, ReadModels models, PortfolioReport portfolio, CoverageReport coverage,
              PartnershipsReport partnerships, FundingReport funding, GeographyReport geography,
              PriorityReport priority, IndicatorsReport indicators) {
        this.mongo = mongo;
        this.models = models;
        this.reports = new Reports(portfolio, coverage, partnerships, funding, geography, priority, indicators);
    }

    @Test
    void aRebuildServesTheSameReportsAndTwoRebuildsBuildIdenticalReadModels() {
        String department = history.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String kajaani = history.organisation("Kajaanin kaupunki", "FOREIGN_CITY", "FI", null);
        String twin = history.partnership("Vänort Kajaani", "TWIN_CITY", "ACTIVE", department, List.of("S2"), department,
                kajaani);
        String project = history.project("Vintersport", department, List.of("S1"), List.of("EXPERIENCE_INDUSTRY"),
                List.of(twin), LocalDate.of(2026, 1, 1), null);
        history.partner(project, kajaani, "PARTNER");
        history.fundingLine(project, "OWN_BUDGET", sek("250000.00"), sek("250000.00"), null, null,
                LocalDate.of(2025, 12, 13));
        history.activity(project, "DELEGATION", "Delegation från Kajaani", LocalDate.of(2026, 3, 7), 3, 8);
        history.status(project, "IDEA", "PRE_STUDY");
        history.assessed(project, 60, "MUNICIPAL_OPERATIONS");
        String company = history.organisation("Jämtlands Vinterturism AB", "COMPANY", "SE", "SE-Z");
        String introduction = history.introduction(history.interest(company, "OFFERS"), company, kajaani, twin);
        history.answered(introduction, company, "ACCEPTED", "PROPOSED");
        history.answered(introduction, kajaani, "ACCEPTED", "ACCEPTED");
        history.outcome(introduction, "PROJECT_REGISTERED", project);
        history.call("INTERREG_AURORA", "Aurora 2027");
        JsonNode before = withoutFreshness(awaitReport("/api/reports/partnerships?department={d}",
                report -> report.path("partnerships").path(0).path("countries").size() == 2
                        && report.path("freshness").path("lagEvents").asLong(-1) == 0, department));
        JsonNode brokerBefore = withoutFreshness(awaitReport("/api/reports/broker",
                report -> report.toString().contains(twin)
                        && report.path("freshness").path("lagEvents").asLong(-1) == 0));
        int generation = report("/api/reports/portfolio").path("freshness").path("generation").asInt();

        JsonNode rebuild = start();
        // A change that comes while the rebuild runs is in the new generation too.
        String during = history.project("Under ombyggnaden", department, List.of("S3"), List.of(), List.of(), null, null);
        JsonNode done = awaitCompleted(rebuild);

        assertThat(done.path("generation").asInt()).isEqualTo(generation + 1);
        assertThat(done.path("events").asLong()).isGreaterThanOrEqualTo(history.size() - 1L);
        assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
        JsonNode portfolio = awaitReport("/api/reports/portfolio?department={d}",
                report -> report.path("projects").path("total").asLong() == 2, department);
        assertThat(portfolio.path("freshness").path("generation").asInt()).isEqualTo(generation + 1);
        assertThat(withoutFreshness(report("/api/reports/partnerships?department={d}", department))).isEqualTo(before);
        assertThat(withoutFreshness(report("/api/reports/broker"))).isEqualTo(brokerBefore);
        assertThat(report("/api/reports/activity?limit=200").toString()).contains(during, "Under ombyggnaden");
        await("the old generation dropped").atMost(WAIT).until(() -> !mongo.collectionExists("projects_g" + generation));
        assertThat(mongo.collectionExists("figures_g" + generation)).isFalse();
        assertAnsweredAsFromEveryEntry(models.current(), reports, ReportFilter.ALL,
                new ReportFilter(null, department, null, null), new ReportFilter(null, null, null, "FI"),
                new ReportFilter(2026, null, null, null));

        Map<String, List<Document>> first = contents(generation + 1);
        JsonNode again = start();
        awaitCompleted(again);
        assertThat(contents(generation + 2)).isEqualTo(first);
        // The same rebuilds answer where every service's do, newest first.
        JsonNode recent = report("/api/operations/rebuilds");
        assertThat(recent.path(0).path("id").asString()).isEqualTo(again.path("id").asString());
        assertThat(recent.path(1).path("id").asString()).isEqualTo(rebuild.path("id").asString());
        assertThat(report("/api/operations/rebuilds/{id}", rebuild.path("id").asString()).path("state").asString())
                .isEqualTo("COMPLETED");
    }

    @Test
    void aReplacedGenerationIsDroppedOnlyOnceWhatReadsItIsDone() throws Exception {
        String department = history.organisation("Socialförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        history.project("Läsning under bytet", department, List.of("S1"), List.of(), List.of(), null, null);
        awaitReport("/api/reports/portfolio", report -> report.path("freshness").path("lagEvents").asLong(-1) == 0);
        ReadModelSet serving = models.current();
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<Long>> counted = CompletableFuture.supplyAsync(() -> serving.reading(set -> {
            reading.countDown();
            try {
                release.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return set.projects().count();
        }));
        JsonNode rebuild;
        try {
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
            rebuild = start();
            await().atMost(WAIT).until(() -> models.current() != serving);
            assertThat(mongo.collectionExists(serving.projects().collection()))
                    .as("a generation being read, though replaced").isTrue();
        } finally {
            release.countDown();
        }
        assertThat(counted.get(30, TimeUnit.SECONDS)).hasValueSatisfying(count -> assertThat(count).isPositive());
        awaitCompleted(rebuild);
        await().atMost(WAIT).until(() -> !mongo.collectionExists(serving.projects().collection()));
        assertThat(serving.reading(set -> set.projects().count())).isEmpty();
    }

    @Test
    void anUnknownRebuildIsNotFound() {
        api.http().get().uri("/api/reports/rebuilds/{id}", "no-such").exchange().expectStatus().isNotFound();
    }

    private JsonNode start() {
        var result = api.http().post().uri("/api/reports/rebuilds").exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .returnResult(String.class);
        JsonNode rebuild = JSON.readTree(result.getResponseBody());
        assertThat(result.getResponseHeaders().getLocation()).hasPath("/api/reports/rebuilds/" + rebuild.path("id").asString());
        return rebuild;
    }

    private JsonNode awaitCompleted(JsonNode rebuild) {
        JsonNode done = await().atMost(WAIT).until(() -> report("/api/reports/rebuilds/{id}", rebuild.path("id").asString()),
                now -> !"RUNNING".equals(now.path("state").asString()));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
        return done;
    }

    /** Every document of a generation's read models, by model, without the generation in the collection names. */
    private Map<String, List<Document>> contents(int generation) {
        return MODELS.stream().collect(Collectors.toMap(model -> model, model -> mongo.find(
                new Query().with(Sort.by("_id")), Document.class, model + "_g" + generation)));
    }
}
