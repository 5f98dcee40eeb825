package se.samverka.platform.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./samverka dlq replay|discard}, and the status the listing shows: what the services decided about their
 * dead letters, asked of each service's operator API through the gateway as the coordinator. The service whose
 * consumer group parked a record ({@code <topic>.<group>.dlq}) is the one that replays it, to the read model it
 * failed in.
 */
public final class DeadLetterOperations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** As many as a service lists at once: more than the listing shows. */
    private static final int LISTED = 200;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final Identities identities;
    private String token;

    public DeadLetterOperations(RuntimeSettings settings) {
        this.gateway = settings.url(RuntimeSettings.GATEWAY);
        this.identities = new Identities(settings);
    }

    /**
     * The status of each of the newest dead letters of these topics, by id, as the services that parked them know
     * it; none of a service that does not answer, or of a platform that does not run.
     */
    public Map<String, String> statuses(Collection<String> deadLetterTopics) {
        Map<String, String> statuses = new HashMap<>();
        Set<String> services = new TreeSet<>();
        deadLetterTopics.forEach(topic -> services.add(service(topic)));
        for (String service : services) {
            try {
                HttpResponse<String> listed = send(HttpRequest.newBuilder(URI.create(gateway + "/api/operations/"
                        + service + "/dead-letters?status=all&size=" + LISTED)).GET());
                if (listed.statusCode() == 200) {
                    JSON.readTree(listed.body()).path("deadLetters").forEach(letter ->
                            statuses.put(letter.path("id").asString(), letter.path("status").asString()));
                }
            } catch (StartupException notRunning) {
                return statuses;
            }
        }
        return statuses;
    }

    /** Hands the record to the consumer it failed in; the record as the service has it now. */
    public JsonNode replay(String id) throws StartupException {
        return decided(id, send(HttpRequest.newBuilder(URI.create(operation(id, "replay")))
                .POST(HttpRequest.BodyPublishers.noBody())));
    }

    /** Records that the record will not be applied, and why. */
    public JsonNode discard(String id, String reason) throws StartupException {
        String body = JSON.writeValueAsString(Map.of("reason", reason));
        return decided(id, send(HttpRequest.newBuilder(URI.create(operation(id, "discard")))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))));
    }

    /** The gateway's name of the service whose consumer group parks in the topic: reporting for reporting-service. */
    static String service(String deadLetterTopic) {
        String[] parts = deadLetterTopic.split("\\.");
        String group = parts.length < 2 ? deadLetterTopic : parts[parts.length - 2];
        return group.endsWith("-service") ? group.substring(0, group.length() - "-service".length()) : group;
    }

    private String operation(String id, String what) throws StartupException {
        String[] parts = id.split("/");
        if (parts.length != 3 || !parts[1].matches("\\d+") || !parts[2].matches("\\d+")) {
            throw new StartupException("'" + id + "' is no dead letter's id (<topic>/<partition>/<offset>); "
                    + "./samverka dlq lists them.");
        }
        return gateway + "/api/operations/" + service(parts[0]) + "/dead-letters/"
                + URLEncoder.encode(parts[0], StandardCharsets.UTF_8) + "/" + parts[1] + "/" + parts[2] + "/" + what;
    }

    private static JsonNode decided(String id, HttpResponse<String> answer) throws StartupException {
        JsonNode body = JSON.readTree(answer.body().isEmpty() ? "{}" : answer.body());
        if (answer.statusCode() != 200) {
            String why = body.path("detail").asString("");
            throw new StartupException("Not done (" + answer.statusCode() + "): " + (why.isEmpty() ? id : why));
        }
        return body;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws StartupException {
        if (token == null) {
            token = identities.runtimeToken();
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                    .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new StartupException("Samverka does not answer at " + gateway + ": start it with ./samverka run.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted.");
        }
    }
}
