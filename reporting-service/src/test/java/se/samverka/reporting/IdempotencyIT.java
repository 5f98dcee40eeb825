package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.reporting.History.money;
import static se.samverka.reporting.History.sek;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectStatusChanged;
import tools.jackson.databind.JsonNode;

/**
 * Events that come again, out of order, of unknown types or broken change nothing they should not: the read models
 * are sequence-guarded per aggregate.
 */
class IdempotencyIT extends ReportingIntegrationTest {

    private static final List<String> REPORTS = List.of("/api/reports/portfolio", "/api/reports/coverage",
            "/api/reports/partnerships", "/api/reports/funding", "/api/reports/geography", "/api/reports/priority",
            "/api/reports/indicators");

    private static final String PROJECT_EVENTS = "projectEvents-in-0";

    private final MeterRegistry meters;
    private final String group;
    private final BindingsLifecycleController bindings;

    @Autowired
    IdempotencyIT(MeterRegistry meters, @Value("${spring.cloud.stream.default.group}") String group,
                  BindingsLifecycleController bindings) {
        this.meters = meters;
        this.group = group;
        this.bindings = bindings;
    }

    @Test
    void aWholeHistoryDeliveredAgainChangesNoReport() {
        String department = history.organisation("Teknik- och fastighetsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String selenge = history.organisation("Сэлэнгэ аймаг", "Selenge Aimag", "FOREIGN_REGION", "MN", "MN-049");
        String partnership = history.partnership("Utvecklingspartnerskap Selenge", "DEVELOPMENT_PARTNERSHIP", "ACTIVE",
                department, List.of("S2"), department, selenge);
        String project = history.project("Rent vatten", department, List.of("S1"), List.of("ENVIRONMENT_DRIVEN_BUSINESS"),
                List.of(partnership), LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31));
        history.partner(project, selenge, "PARTNER");
        history.fundingLine(project, "ICLD_MUNICIPAL_PARTNERSHIP", sek("1450000.00"), sek("1380000.00"),
                sek("920000.00"), sek("150000.00"), LocalDate.of(2024, 12, 10));
        history.fundingLine(project, "INTERREG_AURORA", money("1000.00", "EUR"), null, null, null, null);
        String indicator = history.indicator(project, "RESULT", "Hushåll", "hushåll", "4200", "6000");
        history.indicatorReport(project, indicator, LocalDate.of(2026, 10, 31), "5150");
        history.activity(project, "DELEGATION", "Delegation", LocalDate.of(2025, 9, 15), 3, 5);
        history.status(project, "IDEA", "PRE_STUDY");
        history.health(project, "ON_TRACK");
        history.assessed(project, 70, "MUNICIPAL_OPERATIONS");
        awaitReport("/api/reports/indicators?department={d}",
                report -> report.toString().contains("\"latest\":\"5150\""), department);
        awaitReport("/api/reports/portfolio?department={d}",
                report -> count(report.path("projects"), "health", "ON_TRACK") == 1
                        && report.path("freshness").path("lagEvents").asLong(-1) == 0, department);
        Map<String, JsonNode> before = reports(department);
        double duplicatesBefore = sum("samverka.events.duplicates");

        history.deliverAgain();

        await().atMost(WAIT).until(() -> sum("samverka.events.duplicates") >= duplicatesBefore + history.size());
        assertThat(reports(department)).isEqualTo(before);
    }

    @Test
    void anEventWhosePredecessorIsMissingWaitsForItAndIsReported() {
        String department = history.organisation("Socialförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String project = history.project("Utbyte", department, List.of("S2"), List.of(), List.of(), null, null);
        awaitReport("/api/reports/portfolio?department={d}", report -> report.path("projects").path("total").asLong() == 1,
                department);
        double gapsBefore = sum("samverka.events.gaps");
        // Sequence 2 is lost on the way; 3 arrives.
        EventEnvelope status2 = envelope(project, 2, "IDEA", "PRE_STUDY");
        EventEnvelope status3 = envelope(project, 3, "PRE_STUDY", "APPLICATION_DRAFT");
        history.writer().send(ProjectContracts.PROJECTS, status3);

        await().atMost(WAIT).until(() -> sum("samverka.events.gaps") > gapsBefore);
        assertThat(count(report("/api/reports/portfolio?department={d}", department).path("projects"), "status",
                "IDEA")).as("not applied out of order").isEqualTo(1);

        history.writer().send(ProjectContracts.PROJECTS, status2);
        history.writer().send(ProjectContracts.PROJECTS, status3);
        awaitReport("/api/reports/portfolio?department={d}",
                report -> count(report.path("projects"), "status", "APPLICATION_DRAFT") == 1, department);
    }

    @Test
    void anEventOfAnUnknownTypeIsSkippedAndCountedAndTheNextOneApplies() {
        String department = history.organisation("Barn- och utbildningsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String project = history.project("Elevutbyte", department, List.of("S2"), List.of(), List.of(), null, null);
        double unknownBefore = sum("samverka.events.unknown");

        history.unknownEvent(ProjectContracts.PROJECTS, project);
        history.status(project, "IDEA", "PRE_STUDY");

        awaitReport("/api/reports/portfolio?department={d}",
                report -> count(report.path("projects"), "status", "PRE_STUDY") == 1, department);
        assertThat(sum("samverka.events.unknown")).isGreaterThan(unknownBefore);
    }

    @Test
    void aBrokenRecordGoesToTheDeadLetterTopicAndTheConsumerMovesOn() {
        String department = history.organisation("Vård- och omsorgsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String project = UUID.randomUUID().toString();

        // The poison and the project after it share a key, so a partition, and wait for the consumer's one poll.
        bindings.stop(PROJECT_EVENTS);
        try {
            history.writer().send(ProjectContracts.PROJECTS, project,
                    Map.of("ce_type", "se.samverka.project.registered"), "{not json");
            history.project(project, "Efter giftet", department, List.of("S3"), List.of(), List.of(), null, null);
        } finally {
            bindings.start(PROJECT_EVENTS);
        }

        awaitReport("/api/reports/portfolio?department={d}", report -> report.path("projects").path("total").asLong() == 1,
                department);
        String deadLetters = ProjectContracts.PROJECTS + "." + group + ".dlq";
        await().atMost(WAIT).until(() -> kafka.readAll(deadLetters).stream()
                .anyMatch(record -> project.equals(record.key())));
        assertThat(kafka.readAll(deadLetters)).filteredOn(record -> project.equals(record.key()))
                .as("only the poison is parked, not the project after it")
                .singleElement().extracting(KafkaTopicReader.Record::value).isEqualTo("{not json");
    }

    private Map<String, JsonNode> reports(String department) {
        return REPORTS.stream().collect(Collectors.toMap(uri -> uri,
                uri -> withoutFreshness(report(uri + "?department={d}", department))));
    }

    private double sum(String counter) {
        return meters.find(counter).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static EventEnvelope envelope(String project, long sequence, String from, String to) {
        EventContract<ProjectStatusChanged> contract = ProjectContracts.PROJECT_STATUS_CHANGED;
        return new EventEnvelope(UUID.randomUUID().toString(), "/test", contract.type(), project, OffsetDateTime.now(),
                sequence, contract.dataSchema(), null, EventCodec.toJson(new ProjectStatusChanged(project, from, to, null)));
    }
}
