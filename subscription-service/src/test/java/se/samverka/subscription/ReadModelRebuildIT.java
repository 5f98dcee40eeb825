package se.samverka.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.test.RebuildApi;
import se.samverka.platform.test.TestTokens;
import se.samverka.subscription.call.CallEvents;
import se.samverka.subscription.call.CallView;
import se.samverka.subscription.project.Directory;
import se.samverka.subscription.project.ProjectEvents;
import se.samverka.subscription.project.ProjectView;
import tools.jackson.databind.JsonNode;

/** What subscription-service knows of organisations, partnerships, projects and calls, rebuilt from the topics. */
class ReadModelRebuildIT extends SubscriptionServiceTest {

    @Autowired
    Directory directory;
    @Autowired
    ProjectEvents projects;
    @Autowired
    CallEvents calls;
    @Autowired
    Generations generations;
    @Autowired
    MongoOperations mongo;

    @Test
    void viewsThatDriftedAreEqualToTheTopicsAgainAfterARebuildAndServeThroughout() {
        String owner = events.organisation("SE");
        String partner = events.organisation("FI");
        String twin = events.partnership("COUNTY", owner);
        String project = "p-" + UUID.randomUUID();
        events.project(project, owner, "PUBLIC", List.of(twin));
        events.partner(project, partner);
        events.status(project, "IDEA", "ONGOING");
        String steady = "p-" + UUID.randomUUID();
        events.project(steady, owner, "COUNTY");
        String call = "c-" + UUID.randomUUID();
        events.call(call, "COUNTY");
        events.callUpdated(call, "PUBLIC");
        await().atMost(WAIT).until(() -> projects.project(project).map(ProjectView::status).filter("ONGOING"::equals)
                .isPresent() && projects.project(steady).isPresent()
                && calls.call(call).filter(view -> "PUBLIC".equals(view.description().visibility())).isPresent()
                && directory.remembering().partnerships(List.of(twin)).containsKey(twin)
                && directory.remembering().countries(List.of(owner, partner)).size() == 2);
        int generation = generations.serving();
        // Behind the consumers' backs: a project lost, an organisation moved, a partnership made public.
        mongo.remove(Query.query(Criteria.where("_id").is(project)), collection("projects"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(partner)), new Update().set("view.country", "NO"),
                collection("organisations"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(twin)), new Update().set("view.visibility", "PUBLIC"),
                collection("partnerships"));
        mongo.remove(Query.query(Criteria.where("_id").is(call)), collection("calls"));
        assertThat(projects.project(project)).isEmpty();
        assertThat(calls.call(call)).isEmpty();

        RebuildApi rebuilds = new RebuildApi(api);
        JsonNode rebuild = rebuilds.start();
        JsonNode done = rebuilds.awaitCompleted(rebuild, () -> assertThat(projects.project(steady))
                .as("read while the rebuild runs").isPresent());

        assertThat(done.path("generation").asInt()).isEqualTo(generation + 1);
        assertThat(projects.project(project)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo("ONGOING");
            assertThat(view.partnerOrganisationIds()).containsExactly(partner);
            assertThat(view.partnershipIds()).containsExactly(twin);
        });
        assertThat(calls.call(call).map(CallView::description)).hasValueSatisfying(description -> {
            assertThat(description.visibility()).isEqualTo("PUBLIC");
            assertThat(description.programme()).isEqualTo("INTERREG_AURORA");
        });
        assertThat(directory.remembering().countries(List.of(partner))).containsExactly("FI");
        assertThat(directory.remembering().partnerships(List.of(twin)).get(twin).visibility()).isEqualTo("COUNTY");
        // Live events go on into the new generation, in sequence after what the rebuild applied.
        events.status(project, "ONGOING", "COMPLETED");
        await().atMost(WAIT).until(() -> projects.project(project).map(ProjectView::status)
                .filter("COMPLETED"::equals).isPresent());
        await().atMost(Duration.ofSeconds(20)).until(() -> !mongo.collectionExists(
                generation == 1 ? "projects" : "projects_g" + generation));
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneIsUnderWayAndOnlyTheCoordinatorRebuilds() {
        try (RebuildApi.UnderWay elsewhere = RebuildApi.underWayElsewhere(mongo::getCollection, Duration.ZERO)) {
            JsonNode problem = api.refused(HttpMethod.POST, RebuildApi.PATH, null, null, HttpStatus.CONFLICT);
            assertThat(problem.path("detail").asString()).contains(elsewhere.id());
        }
        new RebuildApi(api).refusedToAnyoneButTheCoordinator(TestTokens.staff(events.organisation("SE")));
    }

    private String collection(String name) {
        int serving = generations.serving();
        return serving == 1 ? name : name + "_g" + serving;
    }
}
