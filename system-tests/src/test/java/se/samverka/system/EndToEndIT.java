package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.platform.runtime.Platform;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Foundation slice through the gateway of the whole running platform, as a client and a Kafka consumer see it. */
class EndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> CLOUD_EVENT_HEADERS = Set.of("ce_id", "ce_source", "ce_type", "ce_specversion",
            "ce_subject", "ce_time", "ce_sequence", "ce_partitionkey", "content-type");

    private static Platform platform;
    private static Api gateway;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.get();
        gateway = RunningPlatform.gateway();
    }

    @Test
    void theGatewayIsHealthy() {
        gateway.http().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void theFirstStartLoadedOstersundsPartnershipsThroughTheApi() {
        JsonNode twinCities = gateway.get("/api/partnerships?type=TWIN_CITY&sort=name").body();
        assertThat(twinCities.path("items").findValuesAsString("name"))
                .contains("Vänort Sanok", "Vänort Kajaani", "Vänort Odense", "Vänort Jilinprovinsen");
        JsonNode selenge = gateway.get("/api/partnerships?type=DEVELOPMENT_PARTNERSHIP&q=Selenge").body().path("items").get(0);
        assertThat(selenge.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(selenge.path("decisions").get(0).path("registrationNumber").asString()).isEqualTo("1783/200");
        assertThat(gateway.get("/api/organisations?q=Mittuniversitetet").body().path("totalItems").asLong()).isEqualTo(1);
        assertThat(gateway.get("/api/organisations?type=DEPARTMENT").body().path("totalItems").asLong())
                .isGreaterThanOrEqualTo(7);
        await().atMost(Duration.ofSeconds(20)).until(() -> portfolio().path("partnerships").path("total").asLong() >= 10);
    }

    @Test
    void theFirstStartLoadedAPortfolioOfProjectsAtEveryStage() {
        assertThat(count("/api/projects?status=ONGOING")).isGreaterThanOrEqualTo(5);
        for (String status : List.of("IDEA", "PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED", "APPROVED", "SUSPENDED",
                "FINAL_REPORTED", "CLOSED", "REJECTED", "CANCELLED")) {
            assertThat(count("/api/projects?status=" + status)).as(status).isPositive();
        }
        JsonNode selenge = gateway.get("/api/projects?q=Sükhbaatar").body().path("items").get(0);
        assertThat(selenge.path("partnerships").get(0).path("name").asString())
                .isEqualTo("Utvecklingspartnerskap Selenge Aimag");
        assertThat(selenge.path("countries").toString()).contains("MN", "SE");
        assertThat(selenge.path("indicators").get(0).path("latest").asString()).isEqualTo("5150");
        long projects = count("/api/projects");
        assertThat(projects).isGreaterThanOrEqualTo(20);
        await().atMost(Duration.ofSeconds(20)).until(() -> total(portfolio(), "projects") >= projects);
        assertThat(statusCount(portfolio(), "CLOSED")).isEqualTo(
                count("/api/projects?status=CLOSED"));
    }

    @Test
    void organisationsPartnershipsAndProjectsFlowIntoThePortfolioAsCloudEvents() {
        JsonNode before = portfolio();
        String municipality = organisation("Östersunds kommun", "MUNICIPALITY", "SE");
        String odense = organisation("Odense Kommune", "FOREIGN_CITY", "DK");
        String department = organisation("Barn- och utbildningsförvaltningen", "DEPARTMENT", "SE");
        String partnership = gateway.create("/api/partnerships", Map.of("name", "Vänort Odense", "type", "TWIN_CITY",
                "visibility", "PUBLIC", "parties", List.of(Map.of("organisationId", municipality, "role", "LEAD"),
                        Map.of("organisationId", odense, "role", "PARTNER"))));
        // project-service learns of the department from its event; until then the owner is unknown (422).
        String project = await().atMost(Duration.ofSeconds(60)).until(() -> registerProject(department), id -> id != null);
        long written = System.nanoTime();

        JsonNode after = await().atMost(Duration.ofSeconds(10)).until(this::portfolio,
                now -> total(now, "projects") >= total(before, "projects") + 1
                        && total(now, "partnerships") >= total(before, "partnerships") + 1
                        && total(now, "organisations") >= total(before, "organisations") + 3);
        System.out.printf("The portfolio showed the new project %d ms after it was written%n",
                (System.nanoTime() - written) / 1_000_000);
        assertThat(statusCount(after, "IDEA")).isGreaterThan(statusCount(before, "IDEA"));

        KafkaTopicReader kafka = new KafkaTopicReader(platform.settings().kafkaBootstrapServers());
        assertCloudEvent(kafka, PartnershipContracts.ORGANISATIONS, department, "se.samverka.organisation.registered",
                "/partnership-service");
        assertCloudEvent(kafka, PartnershipContracts.PARTNERSHIPS, partnership, "se.samverka.partnership.registered",
                "/partnership-service");
        assertCloudEvent(kafka, ProjectContracts.PROJECTS, project, "se.samverka.project.registered", "/project-service");
        assertThat(kafka.partitionCount(ProjectContracts.PROJECTS)).isGreaterThan(1);
    }

    @Test
    void badInputThroughTheGatewayIsAProblemDocumentAndWritesNothing() {
        long organisationsBefore = count("/api/organisations");
        int eventsBefore = new KafkaTopicReader(platform.settings().kafkaBootstrapServers())
                .readAll(PartnershipContracts.ORGANISATIONS).size();

        gateway.expectProblem("/api/organisations", "{\"name\": ", HttpStatus.BAD_REQUEST, null);
        gateway.expectProblem("/api/organisations", Map.of("name", "Kajaani", "type", "FOREIGN_CITY"),
                HttpStatus.UNPROCESSABLE_CONTENT, "country");
        gateway.expectProblem("/api/projects", Map.of("title", "Nobody's"), HttpStatus.UNPROCESSABLE_CONTENT,
                "ownerOrganisationId");

        assertThat(count("/api/organisations")).isEqualTo(organisationsBefore);
        assertThat(new KafkaTopicReader(platform.settings().kafkaBootstrapServers()).readAll(PartnershipContracts.ORGANISATIONS))
                .hasSize(eventsBefore);
    }

    private static void assertCloudEvent(KafkaTopicReader kafka, String topic, String id, String type, String source) {
        KafkaTopicReader.Record record = await().atMost(Duration.ofSeconds(10)).until(
                () -> kafka.readAll(topic).stream().filter(r -> id.equals(r.key())).findFirst(),
                found -> found.isPresent()).orElseThrow();
        assertThat(record.headers()).containsKeys(CLOUD_EVENT_HEADERS.toArray(String[]::new))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", type)
                .containsEntry("ce_source", source)
                .containsEntry("ce_subject", id)
                .containsEntry("ce_partitionkey", id)
                .containsEntry("ce_sequence", "0000000001")
                .containsEntry("content-type", "application/json");
        // The trace of the request that made the change travels with its event.
        assertThat(record.headers().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
    }

    private String registerProject(String owner) {
        var result = gateway.http().post().uri("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("acronym", "EDUCITY", "title", "Utbildningsstaden i Mittnorden", "ownerOrganisationId", owner))
                .exchange().returnResult(String.class);
        if (result.getStatus().value() == 201) {
            return JSON.readTree(result.getResponseBody()).path("id").asString();
        }
        assertThat(result.getStatus().value()).as(result.getResponseBody()).isEqualTo(422);
        return null;
    }

    private static String organisation(String name, String type, String country) {
        return gateway.create("/api/organisations", Map.of("name", name, "type", type, "country", country));
    }

    private JsonNode portfolio() {
        return JSON.readTree(gateway.http().get().uri("/api/reports/portfolio").exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    /** How many projects of the portfolio have the status. */
    private static long statusCount(JsonNode portfolio, String status) {
        for (JsonNode count : portfolio.path("projects").path("by").path("status")) {
            if (status.equals(count.path("key").asString())) {
                return count.path("count").asLong();
            }
        }
        return 0;
    }

    private static long total(JsonNode portfolio, String part) {
        return portfolio.path(part).path("total").asLong();
    }

    private static long count(String uri) {
        return gateway.get(uri).body().path("totalItems").asLong();
    }
}
