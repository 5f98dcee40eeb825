package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.samverka.platform.watch.Sample;
import se.samverka.platform.watch.Watch;

/**
 * What {@code ./samverka status} shows beside the parts: the {@link Watch}, read from each service's metrics and
 * from the broker, with a "!" before what needs a person.
 */
public final class PlatformWatch {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Map<String, Integer> ports;
    private final String bootstrapServers;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param ports the port of each part as it runs, its instances included */
    public PlatformWatch(Map<String, Integer> ports, String bootstrapServers) {
        this.ports = ports;
        this.bootstrapServers = bootstrapServers;
    }

    public void print(PrintStream out) {
        Map<String, List<Sample>> metrics = new LinkedHashMap<>();
        ports.forEach((instance, port) -> {
            if (RuntimeSettings.SERVICES.contains(RuntimeSettings.componentOf(instance))) {
                metrics.put(instance, scrape("http://localhost:" + port + "/actuator/prometheus"));
            }
        });
        out.println("Watch (docs/operations.md says what each means and what to do):");
        Watch.of(metrics, parked()).lines().forEach(line -> out.println("  " + line));
    }

    private List<Sample> scrape(String url) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "text/plain;version=0.0.4").GET().build(), HttpResponse.BodyHandlers.ofString());
            return page.statusCode() == 200 ? Sample.parse(page.body()) : List.of();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }

    /** Records parked in each dead-letter topic; not known when the broker does not answer. */
    private Optional<Map<String, Long>> parked() {
        try {
            return Optional.of(new DeadLetterListing(bootstrapServers).counts());
        } catch (StartupException brokerUnreachable) {
            return Optional.empty();
        }
    }
}
