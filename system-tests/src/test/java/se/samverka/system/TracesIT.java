package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.RuntimeSettings;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.WebhookReceiver;
import se.samverka.project.contracts.ProjectContracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One command's trace, opened in the trace store the platform runs (ADR 0029): from the gateway through the service,
 * its outbox relay and Kafka, to every consumer that applied the event and the webhook delivery it caused, as one
 * tree of spans.
 */
class TracesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();
    private static final String REGISTERED = ProjectContracts.PROJECT_REGISTERED.type();

    @AfterAll
    static void closeReceiver() {
        RECEIVER.close();
    }

    @Test
    void oneTraceFollowsACommandThroughTheRelayToEveryConsumerAndTheWebhook() {
        Platform platform = RunningPlatform.get();
        Api coordinator = RunningPlatform.gateway();
        Api partner = new Api(platform.gatewayUrl()).as(RunningPlatform.token("partner-system", "demo-partner-system"));
        String tag = "Spårad " + UUID.randomUUID().toString().substring(0, 8);
        String owner = coordinator.create("/api/organisations",
                Map.of("name", tag + " förvaltning", "type", "DEPARTMENT", "country", "SE"));
        String subscription = partner.create("/api/subscriptions", Map.of("sink", RECEIVER.sink("/traced"),
                "types", List.of(REGISTERED), "projects", Map.of("owners", List.of(owner))));
        try {
            // The caller's own trace, which the platform continues: the test knows the trace id to open.
            String traceId = randomHex(16);
            String callersSpan = randomHex(8);
            coordinator.http().post().uri("/api/projects").contentType(MediaType.APPLICATION_JSON)
                    .header("traceparent", "00-" + traceId + "-" + callersSpan + "-01")
                    .body(Map.of("title", tag, "ownerOrganisationId", owner, "visibility", "PUBLIC"))
                    .exchange().expectStatus().isCreated();
            await("the webhook is delivered").atMost(Duration.ofSeconds(60))
                    .until(() -> !RECEIVER.at("/traced").isEmpty());

            String store = platform.settings().url(RuntimeSettings.TRACES);
            // The applications export their spans every few seconds.
            await("every span of the command is in the trace store").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<JsonNode> spans = trace(store, traceId);
                JsonNode gateway = span(spans, "gateway", "SERVER", name -> name.startsWith("http post"));
                assertThat(gateway.path("parentId").asString()).as("the gateway continues the caller's trace")
                        .isEqualTo(callersSpan);
                span(spans, "project-service", "SERVER", "http post /api/projects"::equals);
                JsonNode publish = span(spans, "project-service", "PRODUCER", ("publish " + REGISTERED)::equals);
                for (String consumer : List.of("reporting-service", "partnership-service", "subscription-service")) {
                    JsonNode applied = span(spans, consumer, "CONSUMER", name -> name.endsWith(" " + REGISTERED));
                    assertThat(applied.path("parentId").asString()).as(consumer + " applied what the relay published")
                            .isEqualTo(publish.path("id").asString());
                }
                JsonNode delivered = span(spans, "subscription-service", "CLIENT", ("deliver " + REGISTERED)::equals);
                assertThat(delivered.path("parentId").asString()).isEqualTo(publish.path("id").asString());

                Set<String> ids = spans.stream().map(span -> span.path("id").asString()).collect(Collectors.toSet());
                assertThat(spans).as("one tree: every span hangs below another of the trace, or the caller's")
                        .allMatch(span -> ids.contains(span.path("parentId").asString())
                                || span.path("parentId").asString().equals(callersSpan));
            });
        } finally {
            coordinator.http().delete().uri("/api/subscriptions/{id}", subscription).exchange();
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static List<JsonNode> trace(String store, String traceId) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(store + "/api/v2/trace/" + traceId)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("the trace is in the store").isEqualTo(200);
        return StreamSupport.stream(JSON.readTree(response.body()).spliterator(), false).toList();
    }

    private static JsonNode span(List<JsonNode> spans, String service, String kind, Predicate<String> name) {
        List<JsonNode> found = spans.stream()
                .filter(span -> span.path("localEndpoint").path("serviceName").asString().equals(service))
                .filter(span -> span.path("kind").asString().equals(kind))
                .filter(span -> name.test(span.path("name").asString()))
                .toList();
        assertThat(found).as("a %s span of %s among %s", kind, service, spans.stream()
                .map(span -> span.path("localEndpoint").path("serviceName").asString() + " " + span.path("kind")
                        .asString() + " " + span.path("name").asString()).toList()).hasSize(1);
        return found.get(0);
    }
}
