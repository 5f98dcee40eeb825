package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.RuntimeSettings;
import se.samverka.platform.runtime.StartupException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parts of the running platform taken away and brought back, as a client of the gateway sees it: quick 503s that
 * name what is missing where it is needed. The broker's outage, and a killed part that comes back by itself, are the
 * fault suite's ({@link FaultIT}).
 */
class DependencyOutageIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** One second of the MongoDB client's server selection, and a busy machine's share. */
    private static final Duration QUICKLY = Duration.ofMillis(2500);

    private final Platform platform = RunningPlatform.get();

    @Test
    void aWriteWhileTheStoreIsDownIsRefusedQuicklyAndAcceptedOnceItIsBack() throws StartupException {
        platform.stop(RuntimeSettings.MONGO);
        try {
            long started = System.nanoTime();
            HttpResponse<String> refused = send("POST", "/api/organisations", organisation("Sanok"));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(QUICKLY);
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            JsonNode problem = JSON.readTree(refused.body());
            assertThat(problem.path("dependency").asString()).isEqualTo("MongoDB");
            assertThat(problem.path("title").asString()).isEqualTo("Service unavailable");
        } finally {
            platform.ensureRunning(RuntimeSettings.MONGO);
        }

        await("the service writes again, without a restart").atMost(Duration.ofSeconds(20))
                .until(() -> send("POST", "/api/organisations", organisation("Kajaani")).statusCode() == 201);
    }

    private static String organisation(String name) {
        return "{\"name\":\"" + name + "\",\"type\":\"FOREIGN_CITY\",\"country\":\"PL\"}";
    }

    private HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .header("Authorization", "Bearer " + RunningPlatform.coordinatorToken())
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return exchange(request.build());
    }


    private static HttpResponse<String> exchange(HttpRequest request) {
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
