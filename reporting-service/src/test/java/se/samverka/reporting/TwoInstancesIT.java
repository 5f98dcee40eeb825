package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.TestTokens;
import se.samverka.reporting.readmodel.ReadModels;
import se.samverka.reporting.readmodel.WriterLease;
import tools.jackson.databind.JsonNode;

/**
 * Two instances of reporting-service on one store and in one consumer group, as
 * {@code SAMVERKA_REPORTING_SERVICE_INSTANCES=2} runs them (ADR 0025): one writes the read models, both answer the
 * same reports, a rebuild asked of either runs at the writer, and when the writer stops the other takes over.
 */
class TwoInstancesIT extends ReportingIntegrationTest {

    private static ConfigurableApplicationContext second;
    private static Api atSecond;

    @Autowired
    ReadModels models;
    @Autowired
    WriterLease lease;
    @Autowired
    MeterRegistry meters;

    /** The other instance, looking at the lease often. */
    @BeforeAll
    static void startTheSecondInstance(@Autowired Environment first) {
        second = anotherInstance(ReportingServiceApplication.class, first,
                "--samverka.reporting.writer.follow=200ms",
                "--samverka.reporting.writer.drop-after=0s");
        atSecond = Api.onPort(port(second)).as(TestTokens.admin());
    }

    @AfterAll
    static void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void oneInstanceWritesAndBothAnswerAsOne() {
        ReadModels secondModels = second.getBean(ReadModels.class);
        assertThat(List.of(models.writer(), secondModels.writer())).as("writing, this and the other instance")
                .containsExactlyInAnyOrder(true, false);
        assertThat(writers(meters) + writers(second.getBean(MeterRegistry.class))).as("instances writing, as measured")
                .isEqualTo(1);
        Api notWriting = models.writer() ? atSecond : api;
        String department = history.organisation("Miljö- och samhällsnämnden", "DEPARTMENT", "SE", "SE-Z");
        history.project("Arktisk samverkan", department, List.of("S1"), List.of(), List.of(), null, null);
        history.project("Nordiskt vatten", department, List.of("S2"), List.of(), List.of(), null, null);
        String uri = "/api/reports/portfolio?department={d}";
        await().atMost(WAIT).until(() -> notWriting.get(uri, department).body(),
                report -> report.path("projects").path("total").asLong() == 2);
        int generation = report("/api/reports/portfolio").path("freshness").path("generation").asInt();

        // Asked of the instance that does not write, followed there, run by the writer.
        var started = notWriting.http().post().uri("/api/reports/rebuilds").exchange()
                .expectStatus().isEqualTo(HttpStatus.ACCEPTED).returnResult(String.class);
        String id = JSON.readTree(started.getResponseBody()).path("id").asString();
        notWriting.http().post().uri("/api/reports/rebuilds").exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        JsonNode done = await().atMost(WAIT).until(() -> notWriting.get("/api/reports/rebuilds/{id}", id).body(),
                rebuild -> !"RUNNING".equals(rebuild.path("state").asString()));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("generation").asInt()).isEqualTo(generation + 1);
        for (Api instance : List.of(api, atSecond)) {
            JsonNode portfolio = await().atMost(WAIT).until(() -> instance.get(uri, department).body(),
                    report -> report.path("freshness").path("generation").asInt() == generation + 1);
            assertThat(portfolio.path("projects").path("total").asLong()).isEqualTo(2);
        }
    }

    @Test
    void whenTheWriterStopsTheOtherTakesOver() {
        WriterLease secondLease = second.getBean(WriterLease.class);
        ReadModels secondModels = second.getBean(ReadModels.class);
        WriterLease writing = models.writer() ? lease : secondLease;
        Api other = models.writer() ? atSecond : api;
        ReadModels otherModels = models.writer() ? secondModels : models;
        try {
            writing.stop();
            await().atMost(WAIT).until(otherModels::writer);
            String department = history.organisation("Tekniska förvaltningen", "DEPARTMENT", "SE", "SE-Z");
            history.project("Efter bytet", department, List.of("S3"), List.of(), List.of(), null, null);
            await().atMost(WAIT).until(() -> other.get("/api/reports/portfolio?department={d}", department).body(),
                    report -> report.path("projects").path("total").asLong() == 1);
        } finally {
            writing.start();
        }
    }

    private static double writers(MeterRegistry meters) {
        return meters.get("samverka.readmodels.writer").gauge().value();
    }
}
