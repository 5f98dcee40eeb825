package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.partnership.TestData.organisation;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.InfrastructureInitializer;
import se.samverka.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's MongoDB goes away and comes back. Meanwhile every request gets a 503 problem document within about a
 * second instead of waiting out the driver's 30 s, and health names the store; afterwards the service serves again by
 * itself, without a restart. The store is a Mongo-wire server of this test's own, so the JVM's shared one, and every
 * other test, is not disturbed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = StoreOutageIT.OwnStore.class)
@DirtiesContext
class StoreOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One second of server selection (samverka.mongodb.server-selection-timeout), and a busy machine's share. */
    private static final Duration QUICKLY = Duration.ofMillis(2500);
    private static final Store STORE = new Store();

    @LocalServerPort
    int port;

    @Test
    void whileTheStoreIsDownRequestsGetAQuick503AndTheServiceRecoversByItself() {
        Api api = Api.onPort(port).as(TestTokens.admin());
        organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE");

        STORE.stop();
        try {
            JsonNode write = unavailable(() -> api.http().post().uri("/api/organisations")
                    .contentType(MediaType.APPLICATION_JSON).body(organisation("Sanok", "FOREIGN_CITY", "PL"))
                    .exchange().returnResult(String.class));
            assertThat(write.path("title").asString()).isEqualTo("Service unavailable");
            assertThat(write.path("detail").asString()).startsWith("MongoDB, which this service needs");
            assertThat(write.path("dependency").asString()).isEqualTo("MongoDB");

            JsonNode read = unavailable(() -> api.inLanguage("sv").http().get().uri("/api/organisations")
                    .exchange().returnResult(String.class));
            assertThat(read.path("title").asString()).isEqualTo("Tillfälligt otillgänglig");

            JsonNode health = JSON.readTree(api.http().get().uri("/actuator/health").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE).returnResult(String.class).getResponseBody());
            assertThat(health.path("components").path("mongo").path("status").asString()).isEqualTo("DOWN");
            assertThat(health.path("components").path("kafka").path("status").asString()).isEqualTo("UP");
            api.http().get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            api.http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        } finally {
            STORE.start();
        }

        await("the service serves again").atMost(Duration.ofSeconds(15)).untilAsserted(() -> api.http().post()
                .uri("/api/organisations").contentType(MediaType.APPLICATION_JSON)
                .body(organisation("Kajaani", "FOREIGN_CITY", "FI")).exchange().expectStatus().isCreated());
        api.http().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.mongo.status").isEqualTo("UP");
    }

    /** Expects a 503 problem document with Retry-After, answered quickly, and returns it. */
    private static JsonNode unavailable(Supplier<EntityExchangeResult<String>> request) {
        long started = System.nanoTime();
        EntityExchangeResult<String> answer = request.get();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
        assertThat(answer.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        return JSON.readTree(answer.getResponseBody());
    }

    /** Points the service at {@link #STORE} instead of the JVM's shared Mongo-wire server. */
    static final class OwnStore extends InfrastructureInitializer {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("storeOutageStore",
                    Map.of("spring.mongodb.uri", STORE.uri("partnership-service"))));
        }
    }

    /** A Mongo-wire server that this test stops and starts again on the same port. */
    private static final class Store {

        private final int port;
        private MongoServer server;

        private Store() {
            server = new MongoServer(H2Backend.inMemory());
            server.bind("127.0.0.1", 0);
            port = server.getLocalAddress().getPort();
        }

        String uri(String database) {
            return "mongodb://127.0.0.1:" + port + "/" + database;
        }

        synchronized void stop() {
            server.shutdownNow();
        }

        synchronized void start() {
            server = new MongoServer(H2Backend.inMemory());
            server.bind("127.0.0.1", port);
        }
    }
}
