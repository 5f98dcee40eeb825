package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./samverka rebuild [part]}: asks a service, through the gateway, to rebuild its read models from the
 * beginning of the topics, and follows the rebuild until it is done, showing its pace. Without a part, every service
 * that keeps read models, one after another.
 */
public final class ReadModelRebuild {

    /** The services that keep read models, by the name the gateway routes their operator API under. */
    static final Map<String, String> PARTS = Map.of(
            "partnership-service", "partnership",
            "project-service", "project",
            "reporting-service", "reporting",
            "subscription-service", "subscription");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(500);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Identities identities;
    private final PrintStream out;
    private String token;

    /** For the platform these settings describe; the rebuild is asked for as the coordinator. */
    public ReadModelRebuild(RuntimeSettings settings, PrintStream out) {
        this.gateway = settings.url(RuntimeSettings.GATEWAY);
        this.identities = new Identities(settings);
        this.out = out;
    }

    /** @param parts the part to rebuild, or none for every one */
    public void run(String... parts) throws StartupException {
        if (parts.length > 1 || parts.length == 1 && !PARTS.containsKey(parts[0])) {
            throw new StartupException("Rebuild which part? One of " + new TreeSet<>(PARTS.keySet())
                    + ", or none for every one.");
        }
        token = identities.runtimeToken();
        for (String part : parts.length == 1 ? List.of(parts[0]) : new TreeSet<>(PARTS.keySet())) {
            rebuild(part);
        }
    }

    private void rebuild(String part) throws StartupException {
        String rebuilds = gateway + "/api/operations/" + PARTS.get(part) + "/rebuilds";
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(rebuilds))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            throw new StartupException(part + " did not start a rebuild (" + started.statusCode() + "): "
                    + started.body());
        }
        JsonNode rebuild = JSON.readTree(started.body());
        URI follow = URI.create(rebuilds + "/" + rebuild.path("id").asString());
        out.println(part + ": rebuilding the read models into generation " + rebuild.path("generation").asInt()
                + "...");
        while ("RUNNING".equals(rebuild.path("state").asString())) {
            pause();
            rebuild = JSON.readTree(send(HttpRequest.newBuilder(follow).GET()).body());
            out.printf("  %,d events applied, %,.0f events/s%n", rebuild.path("events").asLong(),
                    rebuild.path("eventsPerSecond").asDouble());
        }
        if (!"COMPLETED".equals(rebuild.path("state").asString())) {
            throw new StartupException(part + ": the rebuild failed: " + rebuild.path("failure").asString("")
                    + ". The read models in use still serve; see ./samverka logs " + part + ".");
        }
        out.printf("%s: rebuilt, %,d events at %,.0f events/s; generation %d serves now.%n", part,
                rebuild.path("events").asLong(), rebuild.path("eventsPerSecond").asDouble(),
                rebuild.path("generation").asInt());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws StartupException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StartupException("Samverka does not answer at " + gateway + ": start it with ./samverka run.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted.");
        }
    }

    private static void pause() throws StartupException {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted.");
        }
    }
}
