package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.project.contracts.TestEvents.projectRegistered;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.partnership.activity.ProjectLinks;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.platform.test.RebuildApi;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import se.samverka.project.contracts.ProjectContracts;
import tools.jackson.databind.JsonNode;

/** The projects linked to each partnership, rebuilt from samverka.projects while the links in use serve. */
class ProjectLinksRebuildIT extends ServiceIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    ProjectLinks links;
    @Autowired
    Generations generations;
    @Autowired
    MongoOperations mongo;

    @Test
    void linksThatDriftedAreEqualToTheTopicAgainAfterARebuildAndServeThroughout() {
        String twin = UUID.randomUUID().toString();
        String network = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        publishProject(first, 1, List.of(twin));
        publishProject(second, 1, List.of(twin, network));
        await().atMost(WAIT).until(() -> linked(twin) == 2 && linked(network) == 1);
        int generation = generations.serving();
        // Behind the consumer's back: one project's links lost, the other's changed.
        mongo.remove(Query.query(Criteria.where("_id").is(first)), collection());
        mongo.updateFirst(Query.query(Criteria.where("_id").is(second)),
                new Update().set("view.partnershipIds", List.of(network)), collection());
        assertThat(links.projectsOf(List.of(twin))).isEmpty();

        RebuildApi rebuilds = new RebuildApi(api);
        JsonNode done = rebuilds.awaitCompleted(rebuilds.start(), () ->
                assertThat(links.projectsOf(List.of(network))).as("read while the rebuild runs").containsKey(network));

        assertThat(done.path("generation").asInt()).isEqualTo(generation + 1);
        assertThat(links.projectsOf(List.of(twin)).get(twin)).containsExactlyInAnyOrder(first, second);
        assertThat(links.projectsOf(List.of(network)).get(network)).containsExactly(second);
        assertThat(links.project(first)).as("what the broker knows of a project, rebuilt with its links")
                .hasValueSatisfying(project -> {
                    assertThat(project.title()).isEqualTo("Projekt");
                    assertThat(project.status()).isEqualTo("ONGOING");
                    assertThat(project.ownerOrganisationId()).isEqualTo("owner");
                });
        // Live events go on into the new generation, in sequence after what the rebuild applied.
        publishProject(first, 2, List.of(network));
        await().atMost(WAIT).until(() -> linked(network) == 2);
        await().atMost(WAIT).until(() -> !mongo.collectionExists(
                generation == 1 ? "project_links" : "project_links_g" + generation));
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneIsUnderWayAndOnlyTheCoordinatorRebuilds() {
        try (RebuildApi.UnderWay elsewhere = RebuildApi.underWayElsewhere(mongo::getCollection, Duration.ZERO)) {
            JsonNode problem = api.refused(HttpMethod.POST, RebuildApi.PATH, null, null, HttpStatus.CONFLICT);
            assertThat(problem.path("detail").asString()).contains(elsewhere.id());
        }
        new RebuildApi(api).refusedToAnyoneButTheCoordinator(TestTokens.staff(UUID.randomUUID().toString()));
    }

    private int linked(String partnership) {
        return links.projectsOf(List.of(partnership)).getOrDefault(partnership, List.of()).size();
    }

    private String collection() {
        int serving = generations.serving();
        return serving == 1 ? "project_links" : "project_links_g" + serving;
    }

    private void publishProject(String project, long sequence, List<String> partnerships) {
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers())) {
            writer.send(ProjectContracts.PROJECTS, new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                    ProjectContracts.PROJECT_REGISTERED.type(), project,
                    OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS), sequence,
                    ProjectContracts.PROJECT_REGISTERED.dataSchema(), null, EventCodec.toJson(projectRegistered(project,
                    null, "Projekt", "owner", "ONGOING", "INTERNAL", partnerships))));
        }
    }
}
