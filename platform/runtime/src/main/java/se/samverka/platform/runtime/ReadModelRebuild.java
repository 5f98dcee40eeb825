package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./samverka rebuild}: asks reporting-service, through the gateway, to rebuild its read models from the
 * beginning of the topics, and follows the rebuild until it is done, showing its pace.
 */
public final class ReadModelRebuild {

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

    public void run() throws StartupException {
        token = identities.runtimeToken();
        HttpResponse<String> started = send(HttpRequest.newBuilder(URI.create(gateway + "/api/reports/rebuilds"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        if (started.statusCode() != 202) {
            throw new StartupException("reporting-service did not start a rebuild (" + started.statusCode() + "): "
                    + started.body());
        }
        String location = started.headers().firstValue("Location").orElseThrow(
                () -> new StartupException("reporting-service started a rebuild but did not say where to follow it"));
        JsonNode rebuild = JSON.readTree(started.body());
        out.println("Rebuilding the read models into generation " + rebuild.path("generation").asInt() + "...");
        while ("RUNNING".equals(rebuild.path("state").asString())) {
            pause();
            rebuild = JSON.readTree(send(HttpRequest.newBuilder(URI.create(gateway + location)).GET()).body());
            out.printf("  %,d events applied, %,.0f events/s%n", rebuild.path("events").asLong(),
                    rebuild.path("eventsPerSecond").asDouble());
        }
        if (!"COMPLETED".equals(rebuild.path("state").asString())) {
            throw new StartupException("The rebuild failed: " + rebuild.path("failure").asString("") + ". The read models "
                    + "in use still serve; see ./samverka logs reporting-service.");
        }
        out.printf("Rebuilt: %,d events at %,.0f events/s; generation %d serves now.%n", rebuild.path("events").asLong(),
                rebuild.path("eventsPerSecond").asDouble(), rebuild.path("generation").asInt());
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
