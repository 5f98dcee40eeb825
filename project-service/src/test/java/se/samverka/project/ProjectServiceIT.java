package se.samverka.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpStatus;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Topics;
import se.samverka.platform.events.organisation.OrganisationRegistered;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.project.organisation.KnownOrganisations;

class ProjectServiceIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    @Autowired
    MongoOperations mongo;
    @Autowired
    KnownOrganisations knownOrganisations;

    @Test
    void registersAProjectOfAKnownDepartmentAndAnnouncesIt() {
        String owner = organisationAnnounced("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE");

        String id = api.create("/api/projects", Map.of("acronym", "WINTERCITY",
                "title", "Vinterstaden Östersund och Trondheim", "ownerOrganisationId", owner, "visibility", "COUNTY"));

        api.http().get().uri("/api/projects/{id}", id).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.status").isEqualTo("IDEA")
                .jsonPath("$.acronym").isEqualTo("WINTERCITY")
                .jsonPath("$.ownerOrganisationId").isEqualTo(owner)
                .jsonPath("$.visibility").isEqualTo("COUNTY");
        EventEnvelope event = awaitEvents(Topics.PROJECTS, id, 1).get(0);
        assertThat(event.type()).isEqualTo("se.samverka.project.registered");
        assertThat(event.source()).isEqualTo("/project-service");
        assertThat(event.data()).contains("\"status\":\"IDEA\"", owner);
    }

    @Test
    void anOwnerTheServiceHasNotHeardOfIs422AndNothingIsWritten() {
        long before = mongo.getCollection("projects").countDocuments();

        api.expectProblem("/api/projects", Map.of("title", "Orphan", "ownerOrganisationId", UUID.randomUUID().toString()),
                UNPROCESSABLE, "ownerOrganisationId");

        assertThat(mongo.getCollection("projects").countDocuments()).isEqualTo(before);
    }

    @Test
    void aForeignCityCannotOwnAProject() {
        String sanok = organisationAnnounced("Gmina Miasta Sanoka", "FOREIGN_CITY", "PL");

        api.expectProblem("/api/projects", Map.of("title", "Not ours", "ownerOrganisationId", sanok), UNPROCESSABLE,
                "ownerOrganisationId");
    }

    @Test
    void badInputIsAProblemDocumentNamingTheField() {
        long before = mongo.getCollection("projects").countDocuments();

        api.expectProblem("/api/projects", "{\"title\": ", HttpStatus.BAD_REQUEST, null);
        api.expectProblem("/api/projects", Map.of("ownerOrganisationId", "x"), UNPROCESSABLE, "title");
        api.expectProblem("/api/projects", Map.of("title", "T", "ownerOrganisationId", "x", "status", "ONGOING"),
                UNPROCESSABLE, "status");
        api.expectProblem("/api/projects", Map.of("title", "T", "ownerOrganisationId", "x", "visibility", "SECRET"),
                UNPROCESSABLE, "visibility");

        assertThat(mongo.getCollection("projects").countDocuments()).isEqualTo(before);
    }

    /** Announces an organisation as partnership-service would, and waits until this service has learnt it. */
    private String organisationAnnounced(String name, String type, String country) {
        String id = UUID.randomUUID().toString();
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers())) {
            writer.send(Topics.ORGANISATIONS, new EventEnvelope(UUID.randomUUID().toString(), "/partnership-service",
                    EventCatalog.ORGANISATION_REGISTERED.type(), id, OffsetDateTime.now(), 1,
                    EventCatalog.ORGANISATION_REGISTERED.dataSchema(), null,
                    EventCodec.toJson(new OrganisationRegistered(id, name, null, type, null, country, null, null, null, null, true))));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> knownOrganisations.find(id).isPresent());
        return id;
    }

}
