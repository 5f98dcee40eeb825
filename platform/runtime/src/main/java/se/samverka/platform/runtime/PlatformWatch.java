package se.samverka.platform.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@code ./samverka status} shows beside the parts: what the dashboard and the alerts of docs/operations.md
 * watch, read from each service's metrics and from the broker, with a "!" before what needs a person.
 */
public final class PlatformWatch {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
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
        lines(metrics, parked()).forEach(line -> out.println("  " + line));
    }

    /**
     * The lines of the watch, from each service instance's samples and the records parked per dead-letter topic
     * (empty when the broker did not say).
     */
    static List<String> lines(Map<String, List<Sample>> metrics, Optional<Map<String, Long>> deadLetters) {
        List<String> lines = new ArrayList<>();
        Map<String, Double> backlog = perInstance(metrics, "samverka_outbox_pending", s -> true);
        double unpublished = backlog.values().stream().mapToDouble(d -> d).sum();
        double oldest = max(metrics, "samverka_outbox_oldest_age_seconds");
        lines.add(line(oldest > 120, "outbox backlog", unpublished == 0 ? "no event waits to be published"
                : "%s waiting (oldest %.0f s): %s".formatted(count(unpublished), oldest, nonZero(backlog))));

        Map<String, Double> lag = new TreeMap<>();
        metrics.values().forEach(samples -> samples.stream()
                .filter(sample -> sample.name().equals("spring_cloud_stream_binder_kafka_offset"))
                .forEach(sample -> lag.merge(sample.labels().get("group") + " on " + sample.labels().get("topic"),
                        sample.value(), Math::max)));
        double behind = lag.values().stream().mapToDouble(d -> d).sum();
        lines.add(line(false, "consumer lag", behind == 0 ? "every consumer group is up to date"
                : "%s records to take: %s".formatted(count(behind), nonZero(lag))));

        if (deadLetters.isEmpty()) {
            lines.add(line(true, "dead letters", "unknown: the broker does not answer"));
        } else {
            Map<String, Long> parked = deadLetters.get();
            long parkedRecords = parked.values().stream().mapToLong(n -> n).sum();
            lines.add(line(parkedRecords > 0, "dead letters", parkedRecords == 0 ? "none parked"
                    : "%d parked: %s".formatted(parkedRecords, parked.entrySet().stream().filter(e -> e.getValue() > 0)
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))));
        }

        double open = sum(metrics, "samverka_events_gaps_unfilled_total", s -> true);
        lines.add(line(open > 0, "gaps left open", open == 0 ? "none since the services started"
                : "%s since the services started; see the logs' \"Gap in\" lines".formatted(count(open))));

        List<String> writers = perInstance(metrics, "samverka_readmodels_writer", s -> true).entrySet().stream()
                .filter(writer -> writer.getValue() > 0).map(Map.Entry::getKey).toList();
        boolean reporting = metrics.keySet().stream().anyMatch(instance -> RuntimeSettings.componentOf(instance)
                .equals("reporting-service"));
        if (reporting) {
            lines.add(line(writers.isEmpty(), "reports written by", writers.isEmpty()
                    ? "no instance: the reports do not follow the events" : String.join(", ", writers)));
        }

        double waiting = max(metrics, "samverka_subscriptions_deliveries_pending");
        double givenUp = sum(metrics, "samverka_subscriptions_deliveries_total",
                s -> Set.of("failed", "gone").contains(s.labels().get("outcome")));
        lines.add(line(givenUp > 0, "webhook deliveries", "%s waiting; %s given up since the service started"
                .formatted(count(waiting), givenUp == 0 ? "none" : count(givenUp))));
        return lines;
    }

    /** One sample of a Prometheus page: a series' name, its labels and its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    /** The samples of a Prometheus text page. */
    public static List<Sample> parse(String page) {
        List<Sample> samples = new ArrayList<>();
        for (String line : page.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
            } catch (NumberFormatException notANumber) {
                // Prometheus spells the infinities +Inf and -Inf, which Java does not read; nothing here watches them.
            }
        }
        return samples;
    }

    private List<Sample> scrape(String url) {
        try {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Accept", "text/plain;version=0.0.4").GET().build(), HttpResponse.BodyHandlers.ofString());
            return page.statusCode() == 200 ? parse(page.body()) : List.of();
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

    private static Map<String, Double> perInstance(Map<String, List<Sample>> metrics, String name,
                                                   Predicate<Sample> which) {
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach((instance, samples) -> samples.stream().filter(s -> s.name().equals(name) && which.test(s))
                .forEach(s -> values.merge(instance, s.value(), Double::sum)));
        return values;
    }

    private static double sum(Map<String, List<Sample>> metrics, String name, Predicate<Sample> which) {
        return perInstance(metrics, name, which).values().stream().mapToDouble(d -> d).sum();
    }

    private static double max(Map<String, List<Sample>> metrics, String name) {
        return metrics.values().stream().flatMap(List::stream).filter(s -> s.name().equals(name))
                .mapToDouble(Sample::value).max().orElse(0);
    }

    private static String nonZero(Map<String, Double> values) {
        return values.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + count(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String count(double value) {
        return String.format("%,.0f", value);
    }

    private static String line(boolean needsAPerson, String what, String state) {
        return "%s %-19s %s".formatted(needsAPerson ? "!" : " ", what, state);
    }
}
