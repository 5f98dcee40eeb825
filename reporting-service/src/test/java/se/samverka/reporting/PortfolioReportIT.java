package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.platform.test.TestEvents.projectRegistered;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.events.partnership.PartnershipRegistered;
import se.samverka.platform.events.project.ProjectRegistered;
import se.samverka.platform.events.project.ProjectStatusChanged;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.KafkaRecordWriter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The portfolio report, fed only by events on the topics, as the other services publish them. */
class PortfolioReportIT extends ServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private KafkaRecordWriter writer;

    @BeforeEach
    void connect() {
        writer = new KafkaRecordWriter(bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        writer.close();
    }

    @Test
    void countsOrganisationsPartnershipsAndProjectsByTypeAndStatus() {
        JsonNode before = portfolio();
        String department = UUID.randomUUID().toString();
        String city = UUID.randomUUID().toString();
        String partnership = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        OffsetDateTime latest = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);

        publish(EventCatalog.ORGANISATION_REGISTERED, department, 1, latest.minusSeconds(3),
                new OrganisationRegistered(department, "Miljö- och samhällsnämnden", null, "DEPARTMENT", "PUBLIC", "SE",
                        "SE-Z", null, null, null, true));
        publish(EventCatalog.ORGANISATION_REGISTERED, city, 1, latest.minusSeconds(2),
                new OrganisationRegistered(city, "Selenge Aimag", null, "FOREIGN_REGION", "PUBLIC", "MN", "MN-049", null,
                        null, null, true));
        publish(EventCatalog.PARTNERSHIP_REGISTERED, partnership, 1, latest.minusSeconds(1),
                new PartnershipRegistered(partnership, "Selenge", null, null, "DEVELOPMENT_PARTNERSHIP", "EXPLORING",
                        "PUBLIC", List.of(department, city), null, null, null, null));
        publish(EventCatalog.PROJECT_REGISTERED, project, 1, latest,
                projectRegistered(project, "CLEANWATER", "Rent vatten i Selenge", department, "IDEA", "INTERNAL",
                        List.of(partnership)));

        JsonNode after = await().atMost(WAIT).until(this::portfolio,
                now -> total(now, "projects") == total(before, "projects") + 1
                        && total(now, "organisations") == total(before, "organisations") + 2
                        && total(now, "partnerships") == total(before, "partnerships") + 1);
        assertThat(count(after, "organisations", "DEPARTMENT")).isEqualTo(count(before, "organisations", "DEPARTMENT") + 1);
        assertThat(count(after, "organisations", "FOREIGN_REGION"))
                .isEqualTo(count(before, "organisations", "FOREIGN_REGION") + 1);
        assertThat(count(after, "partnerships", "EXPLORING")).isEqualTo(count(before, "partnerships", "EXPLORING") + 1);
        assertThat(count(after, "projects", "IDEA")).isEqualTo(count(before, "projects", "IDEA") + 1);
        assertThat(after.path("projects").path("by").asString()).isEqualTo("status");
        assertThat(OffsetDateTime.parse(after.path("lastEventTime").asString())).isAfterOrEqualTo(latest);
    }

    @Test
    void aProjectIsCountedUnderTheStatusItHasNow() {
        String project = UUID.randomUUID().toString();
        JsonNode before = portfolio();

        publish(EventCatalog.PROJECT_REGISTERED, project, 1, OffsetDateTime.now(),
                projectRegistered(project, null, "Vintersport i Jilin", "owner", "IDEA", "INTERNAL", null));
        publish(EventCatalog.PROJECT_STATUS_CHANGED, project, 2, OffsetDateTime.now(),
                new ProjectStatusChanged(project, "IDEA", "PRE_STUDY", null));

        JsonNode after = await().atMost(WAIT).until(this::portfolio,
                now -> count(now, "projects", "PRE_STUDY") == count(before, "projects", "PRE_STUDY") + 1);
        assertThat(count(after, "projects", "IDEA")).isEqualTo(count(before, "projects", "IDEA"));
        assertThat(total(after, "projects")).isEqualTo(total(before, "projects") + 1);
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        String project = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        JsonNode before = portfolio();
        ProjectRegistered registered = projectRegistered(project, null, "Sanok skolutbyte", "owner", "IDEA", "PUBLIC", null);
        EventEnvelope event = envelope(EventCatalog.PROJECT_REGISTERED, project, 1, OffsetDateTime.now(), registered);

        writer.send(EventCatalog.PROJECT_REGISTERED.topic(), event);
        writer.send(EventCatalog.PROJECT_REGISTERED.topic(), event);
        publish(EventCatalog.PROJECT_REGISTERED, marker, 1, OffsetDateTime.now(),
                projectRegistered(marker, null, "A later project", "owner", "IDEA", "PUBLIC", null));
        writer.send(EventCatalog.PROJECT_REGISTERED.topic(), event);

        await().atMost(WAIT).until(() -> total(portfolio(), "projects") >= total(before, "projects") + 2);
        assertThat(total(portfolio(), "projects")).isEqualTo(total(before, "projects") + 2);
    }

    private JsonNode portfolio() {
        String body = api.http().get().uri("/api/reports/portfolio").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
        return JSON.readTree(body);
    }

    private static long total(JsonNode portfolio, String part) {
        return portfolio.path(part).path("total").asLong();
    }

    private static long count(JsonNode portfolio, String part, String key) {
        return portfolio.path(part).path("counts").path(key).asLong(0);
    }

    private <T> void publish(EventContract<T> contract, String id, long sequence, OffsetDateTime time, T data) {
        writer.send(contract.topic(), envelope(contract, id, sequence, time, data));
    }

    private static <T> EventEnvelope envelope(EventContract<T> contract, String id, long sequence, OffsetDateTime time,
                                              T data) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/test", contract.type(), id, time, sequence,
                contract.dataSchema(), null, EventCodec.toJson(data));
    }
}
