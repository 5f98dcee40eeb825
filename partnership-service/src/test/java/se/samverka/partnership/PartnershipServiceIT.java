package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Topics;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.IntegrationTest;
import se.samverka.platform.test.KafkaTopicReader;

@IntegrationTest
class PartnershipServiceIT {

    @LocalServerPort
    int port;
    @Value("${samverka.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Autowired
    MongoOperations mongo;

    private RestTestClient http;
    private Api api;

    @BeforeEach
    void client() {
        api = Api.onPort(port);
        http = api.http();
    }

    @Test
    void registersAnOrganisationAndAnnouncesItOnKafka() {
        var response = http.post().uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Sanoks kommun", "type", "FOREIGN_CITY", "country", "PL"))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody(Map.class).returnResult();
        String id = (String) response.getResponseBody().get("id");
        assertThat(response.getResponseHeaders().getLocation()).hasToString("/api/organisations/" + id);

        http.get().uri("/api/organisations/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.name").isEqualTo("Sanoks kommun")
                .jsonPath("$.type").isEqualTo("FOREIGN_CITY")
                .jsonPath("$.country").isEqualTo("PL")
                .jsonPath("$.version").isEqualTo(1);

        EventEnvelope event = awaitEvent(Topics.ORGANISATIONS, id);
        assertThat(event.type()).isEqualTo("se.samverka.organisation.registered");
        assertThat(event.source()).isEqualTo("/partnership-service");
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.data()).contains("\"name\":\"Sanoks kommun\"", "\"country\":\"PL\"");
    }

    @Test
    void registersAPartnershipBetweenKnownOrganisations() {
        String municipality = organisation("Östersunds kommun", "MUNICIPALITY", "SE");
        String kajaani = organisation("Kajaanin kaupunki", "FOREIGN_CITY", "FI");

        String id = api.create("/api/partnerships", Map.of("name", "Vänort Kajaani", "type", "TWIN_CITY",
                "visibility", "PUBLIC", "partyOrganisationIds", List.of(municipality, kajaani)));

        http.get().uri("/api/partnerships/{id}", id).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("EXPLORING")
                .jsonPath("$.visibility").isEqualTo("PUBLIC")
                .jsonPath("$.partyOrganisationIds.length()").isEqualTo(2);
        EventEnvelope event = awaitEvent(Topics.PARTNERSHIPS, id);
        assertThat(event.type()).isEqualTo("se.samverka.partnership.registered");
        assertThat(event.data()).contains(municipality, kajaani, "\"visibility\":\"PUBLIC\"");
    }

    @Test
    void aPartnershipIsInternalUnlessSaidOtherwise() {
        String one = organisation("Region Jämtland Härjedalen", "REGION", "SE");
        String other = organisation("Trøndelag fylkeskommune", "FOREIGN_REGION", "NO");

        http.post().uri("/api/partnerships").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "Mittnorden", "type", "REGIONAL_COOPERATION", "partyOrganisationIds", List.of(one, other)))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.visibility").isEqualTo("INTERNAL");
    }

    @Test
    void badInputIsAProblemDocumentNamingTheFieldAndWritesNothing() {
        long organisationsBefore = mongo.getCollection("organisations").countDocuments();
        long partnershipsBefore = mongo.getCollection("partnerships").countDocuments();
        String known = organisation("Odense Kommune", "FOREIGN_CITY", "DK");
        organisationsBefore++;

        api.expectProblem("/api/organisations", "{\"name\": \"Broken", HttpStatus.BAD_REQUEST, null);
        api.expectProblem("/api/organisations", Map.of("type", "FOREIGN_CITY", "country", "PL"),
                HttpStatus.UNPROCESSABLE_CONTENT, "name");
        api.expectProblem("/api/organisations", Map.of("name", "Nowhere", "type", "FOREIGN_CITY", "country", "XX"),
                HttpStatus.UNPROCESSABLE_CONTENT, "country");
        api.expectProblem("/api/organisations", Map.of("name", "Somewhere", "type", "PLANET", "country", "SE"),
                HttpStatus.UNPROCESSABLE_CONTENT, "type");
        api.expectProblem("/api/organisations", Map.of("name", "Sneaky", "type", "COMPANY", "country", "SE", "version", 7),
                HttpStatus.UNPROCESSABLE_CONTENT, "version");
        api.expectProblem("/api/partnerships", Map.of("name", "Half", "type", "TWIN_CITY",
                "partyOrganisationIds", List.of(known, "no-such-organisation")), HttpStatus.UNPROCESSABLE_CONTENT,
                "partyOrganisationIds[1]");
        api.expectProblem("/api/partnerships", Map.of("name", "Alone", "type", "TWIN_CITY",
                "partyOrganisationIds", List.of(known, known)), HttpStatus.UNPROCESSABLE_CONTENT, "partyOrganisationIds");

        assertThat(mongo.getCollection("organisations").countDocuments()).isEqualTo(organisationsBefore);
        assertThat(mongo.getCollection("partnerships").countDocuments()).isEqualTo(partnershipsBefore);
    }

    @Test
    void describesItsApiInOpenApi() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3."))
                .jsonPath("$.paths['/api/organisations'].post").exists()
                .jsonPath("$.paths['/api/partnerships/{id}'].get").exists();
    }

    @Test
    void anUnknownIdIs404() {
        http.get().uri("/api/organisations/{id}", "does-not-exist").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/partnerships/{id}", "does-not-exist").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void exposesHealthAndPrometheusMetricsOfTheBackbone() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        organisation("Mittuniversitetet", "UNIVERSITY", "SE");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(prometheus())
                .contains("samverka_outbox_published_total", "samverka_outbox_pending"));
    }

    private String prometheus() {
        return http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseBody();
    }


    private String organisation(String name, String type, String country) {
        return api.create("/api/organisations", Map.of("name", name, "type", type, "country", country));
    }

    private EventEnvelope awaitEvent(String topic, String id) {
        KafkaTopicReader reader = new KafkaTopicReader(bootstrapServers);
        return await().atMost(Duration.ofSeconds(10))
                .until(() -> reader.eventsOf(topic, id), events -> !events.isEmpty())
                .get(0);
    }
}
