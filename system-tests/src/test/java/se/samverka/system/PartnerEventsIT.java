package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import se.samverka.platform.test.Api;

/**
 * A regional partner follows project events through the gateway, on the running platform: its live stream shows
 * what it may read as soon as it may read it, and nothing before; anyone reads the public projects' feed.
 */
class PartnerEventsIT {

    @Test
    void aPartnersStreamShowsAProjectOnlyOnceItIsSharedWithTheCounty() {
        String gateway = RunningPlatform.get().gatewayUrl();
        String partner = RunningPlatform.token("partner-system", "demo-partner-system");
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<HttpResponse<Stream<String>>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(gateway + "/api/subscriptions/stream"))
                        .header("Authorization", "Bearer " + partner).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        stream.thenAccept(response -> response.body().forEach(lines::add));
        await("the stream is open").atMost(Duration.ofSeconds(20)).until(() -> lines.contains(":open"));

        Api coordinator = RunningPlatform.gateway();
        String owner = coordinator.get("/api/organisations?q={q}", "Kultur- och fritidsförvaltningen").body()
                .path("items").get(0).path("id").asString();
        Api.Resource project = coordinator.created("/api/projects", Map.of("title", "Delas senare " + UUID.randomUUID(),
                "ownerOrganisationId", owner, "visibility", "INTERNAL"));
        coordinator.change(HttpMethod.PUT, "/api/projects/" + project.id(), project.etag(), Map.of(
                "title", project.body().path("title").asString(), "ownerOrganisationId", owner, "visibility", "COUNTY"));

        await("the partner sees the project once it is shared").atMost(Duration.ofSeconds(30))
                .until(() -> lines.stream().anyMatch(line -> line.startsWith("data:") && line.contains(project.id())
                        && line.contains("se.samverka.project.updated")));
        assertThat(lines.stream().filter(line -> line.startsWith("data:") && line.contains(project.id())))
                .as("the registration came first on the project's partition, while it was INTERNAL: not shown")
                .noneMatch(line -> line.contains("se.samverka.project.registered"));
        stream.cancel(true);
    }

    @Test
    void anyoneReadsTheFeedOfPublicProjects() throws Exception {
        HttpResponse<String> feed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RunningPlatform.get().gatewayUrl() + "/feeds/public-projects.atom")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "Samverka – offentliga projekt");
    }
}
