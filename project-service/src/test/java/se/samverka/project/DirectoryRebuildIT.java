package se.samverka.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
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
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import se.samverka.project.directory.Directory;
import se.samverka.project.directory.KnownCall;
import se.samverka.project.directory.KnownOrganisation;
import tools.jackson.databind.JsonNode;

/** The directory rebuilt from the topics into a new generation while the one in use serves. */
class DirectoryRebuildIT extends ServiceIntegrationTest {

    @Autowired
    Directory directory;
    @Autowired
    Generations generations;
    @Autowired
    MongoOperations mongo;

    private Announcements announce;
    private RebuildApi rebuilds;

    @BeforeEach
    void announcements() {
        announce = new Announcements(bootstrapServers(), directory);
        rebuilds = new RebuildApi(api);
    }

    @Test
    void aDirectoryThatDriftedIsEqualToItsTopicsAgainAfterARebuildAndServesThroughout() {
        String kajaani = announce.organisation("Kajaanin kaupunki", "FOREIGN_CITY", "FI", null);
        String sanok = announce.organisation("Gmina Sanok", "FOREIGN_CITY", "PL", "PL-18");
        String contact = announce.contactPerson(sanok);
        String twin = announce.partnership("Vänort Kajaani", "ACTIVE");
        String call = announce.call("Interreg Aurora, call 4", "INTERREG_AURORA");
        String cancelled = announce.call("Interreg Aurora, call 3", "INTERREG_AURORA");
        announce.callWithdrawn(cancelled);
        int generation = generations.serving();
        // Behind the consumer's back: one organisation and one call lost, a partnership renamed.
        mongo.remove(Query.query(Criteria.where("_id").is(kajaani)), collection("known_organisations"));
        mongo.remove(Query.query(Criteria.where("_id").is(call)), collection("known_calls"));
        mongo.updateFirst(Query.query(Criteria.where("_id").is(twin)), new Update().set("view.name", "Fel namn"),
                collection("known_partnerships"));
        assertThat(directory.organisation(kajaani)).isEmpty();
        assertThat(directory.partnerships(List.of(twin)).get(twin).name()).isEqualTo("Fel namn");
        assertThat(directory.calls(List.of(call))).isEmpty();

        JsonNode rebuild = rebuilds.start();
        JsonNode done = rebuilds.awaitCompleted(rebuild, () ->
                assertThat(directory.organisation(sanok)).as("read while the rebuild runs")
                        .hasValueSatisfying(known -> assertThat(known.contactPersonIds()).containsExactly(contact)));

        assertThat(done.path("generation").asInt()).isEqualTo(generation + 1);
        assertThat(done.path("events").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(done.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(generations.serving()).isEqualTo(generation + 1);
        assertThat(directory.organisation(kajaani)).map(KnownOrganisation::country).hasValue("FI");
        assertThat(directory.partnerships(List.of(twin)).get(twin).name()).isEqualTo("Vänort Kajaani");
        assertThat(directory.calls(List.of(call, cancelled)).values())
                .extracting(KnownCall::programme, KnownCall::withdrawn)
                .containsExactlyInAnyOrder(tuple("INTERREG_AURORA", false), tuple("INTERREG_AURORA", true));
        // The live consumer applies to the new generation, in sequence after what the rebuild applied.
        String odense = announce.organisation("Odense Kommune", "FOREIGN_CITY", "DK", null);
        String later = announce.contactPerson(kajaani);
        assertThat(directory.organisation(odense)).isPresent();
        assertThat(directory.organisation(kajaani).orElseThrow().contactPersonIds()).containsExactly(later);
        assertThat(rebuilds.recent().path(0).path("id").asString()).isEqualTo(rebuild.path("id").asString());
        await().atMost(Duration.ofSeconds(20)).until(() -> !mongo.collectionExists(
                generation == 1 ? "known_organisations" : "known_organisations_g" + generation));
    }

    @Test
    void aSecondRebuildIsRefusedWhileOneIsUnderWayAndOneAbandonedFails() {
        try (RebuildApi.UnderWay elsewhere = RebuildApi.underWayElsewhere(mongo::getCollection, Duration.ZERO)) {
            JsonNode problem = api.refused(HttpMethod.POST, RebuildApi.PATH, null, null, HttpStatus.CONFLICT);
            assertThat(problem.path("detail").asString()).contains(elsewhere.id());
            assertThat(api.inLanguage("sv").refused(HttpMethod.POST, RebuildApi.PATH, null, null, HttpStatus.CONFLICT)
                    .path("title").asString()).isEqualTo("Ombyggnad pågår");
        }
        try (RebuildApi.UnderWay stopped = RebuildApi.underWayElsewhere(mongo::getCollection, Duration.ofMinutes(5))) {
            JsonNode rebuild = rebuilds.start();
            JsonNode left = api.get(RebuildApi.PATH + "/{id}", stopped.id()).body();
            assertThat(left.path("state").asString()).isEqualTo("FAILED");
            assertThat(left.path("failure").asString()).contains("stopped");
            rebuilds.awaitCompleted(rebuild, () -> { });
        }
    }

    @Test
    void onlyTheCoordinatorRebuilds() {
        rebuilds.refusedToAnyoneButTheCoordinator(TestTokens.staff(announce.organisation("Tekniska förvaltningen",
                "DEPARTMENT", "SE", "SE-Z")));
        assertThat(api.status(HttpMethod.GET, RebuildApi.PATH + "/no-such", null, null))
                .isEqualTo(HttpStatus.NOT_FOUND.value());
    }

    private String collection(String name) {
        int serving = generations.serving();
        return serving == 1 ? name : name + "_g" + serving;
    }
}
