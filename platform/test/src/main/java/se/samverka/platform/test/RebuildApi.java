package se.samverka.platform.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.Function;
import org.bson.Document;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's rebuilds of its read models, as the coordinator asks for and follows them. */
public final class RebuildApi {

    public static final String PATH = "/api/operations/rebuilds";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Api api;

    /** @param api the service's API, as the coordinator */
    public RebuildApi(Api api) {
        this.api = api;
    }

    /** Starts a rebuild: 202, where to follow it, and the rebuild. */
    public JsonNode start() {
        var result = api.http().post().uri(PATH).exchange().expectStatus().isEqualTo(HttpStatus.ACCEPTED)
                .returnResult(String.class);
        JsonNode rebuild = JSON.readTree(result.getResponseBody());
        assertThat(rebuild.path("state").asString()).isEqualTo("RUNNING");
        assertThat(result.getResponseHeaders().getLocation()).hasPath(PATH + "/" + rebuild.path("id").asString());
        return rebuild;
    }

    /**
     * Follows a rebuild until it ends, running {@code meanwhile} before each look (reads that must go on), and
     * expects it COMPLETED.
     */
    public JsonNode awaitCompleted(JsonNode rebuild, Runnable meanwhile) {
        JsonNode done = await().atMost(WAIT).until(() -> {
            meanwhile.run();
            return api.get(PATH + "/{id}", rebuild.path("id").asString()).body();
        }, now -> !"RUNNING".equals(now.path("state").asString()));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("failure").isNull()).as(done.toString()).isTrue();
        assertThat(done.path("generation").asInt()).isEqualTo(rebuild.path("generation").asInt());
        return done;
    }

    /** The most recent rebuilds, newest first. */
    public JsonNode recent() {
        return api.get(PATH).body();
    }

    /**
     * Stores a rebuild as another instance of the service running one would (its progress saved {@code savedAgo}
     * ago), for as long as the returned handle is open.
     *
     * @param collections the service's store's collections by name
     */
    public static UnderWay underWayElsewhere(Function<String, MongoCollection<Document>> collections,
                                             Duration savedAgo) {
        String id = UUID.randomUUID().toString();
        Date saved = Date.from(Instant.now().minus(savedAgo));
        collections.apply("rebuilds").insertOne(new Document("_id", id).append("startedAt", saved)
                .append("generation", 99).append("started", true).append("events", 0L).append("skipped", 0L)
                .append("state", "RUNNING").append("finishedAt", null).append("failure", null)
                .append("savedAt", saved));
        collections.apply("rebuild_under_way").insertOne(new Document("_id", "one").append("rebuild", id));
        return new UnderWay(id, collections);
    }

    /** A rebuild stored as running elsewhere; closing it removes what is left of it. */
    public record UnderWay(String id, Function<String, MongoCollection<Document>> collections)
            implements AutoCloseable {

        @Override
        public void close() {
            collections.apply("rebuild_under_way").deleteOne(Filters.eq("rebuild", id));
            collections.apply("rebuilds").deleteOne(Filters.eq("_id", id));
        }
    }

    /** Expects the coordinator's rebuilds refused to staff (403) and to anonymous callers (401), as problems. */
    public void refusedToAnyoneButTheCoordinator(String staffToken) {
        for (HttpMethod method : new HttpMethod[] {HttpMethod.POST, HttpMethod.GET}) {
            JsonNode forbidden = JSON.readTree(api.as(staffToken).http().method(method).uri(PATH).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .returnResult(String.class).getResponseBody());
            assertThat(forbidden.path("detail").asString()).isNotBlank();
            assertThat(api.anonymous().status(method, PATH, null, null)).isEqualTo(HttpStatus.UNAUTHORIZED.value());
        }
    }
}
