package se.samverka.platform.watch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the dashboard and the alerts of docs/operations.md watch, read from the metrics pages of the services'
 * instances: each concern with whether it needs a person, and the runbook that says what to do.
 * {@code ./samverka status} prints it as {@link #lines()}; the portal's operator page shows the same concerns, and
 * the same decisions, in the reader's language.
 *
 * <p>An instance is named as the embedded runtime names it: its service, and from the second instance on its number
 * ({@code reporting-service}, {@code reporting-service-2}).
 *
 * @param reportWriters only when a reporting-service instance is among the metrics
 */
public record Watch(Outbox outbox, ConsumerLag lag, DeadLetters deadLetters, Gaps gaps,
                    Optional<ReportWriters> reportWriters, Deliveries deliveries) {

    /** An event held unpublished longer than this means the relay is stuck (the alert SamverkaRelayStuck). */
    public static final double RELAY_STUCK_AFTER_SECONDS = 120;
    private static final String RUNBOOKS = "docs/operations.md#";
    private static final String REPORTING = "reporting-service";

    /** What one watched concern says: whether it needs a person, and where its runbook is. */
    public interface Concern {

        boolean needsAPerson();

        /** The runbook's path and anchor in the repository, e.g. {@code docs/operations.md#the-relay-is-stuck}. */
        String runbook();
    }

    /**
     * The watch, from each service instance's samples (none for an instance that did not answer) and the records
     * parked per dead-letter topic (empty when they could not be counted).
     */
    public static Watch of(Map<String, List<Sample>> metrics, Optional<Map<String, Long>> parked) {
        Map<String, Outbox.Backlog> backlogs = new LinkedHashMap<>();
        metrics.forEach((instance, samples) -> {
            List<Sample> pending = named(samples, "samverka_outbox_pending");
            List<Sample> oldest = named(samples, "samverka_outbox_oldest_age_seconds");
            if (!pending.isEmpty() || !oldest.isEmpty()) {
                backlogs.put(instance, new Outbox.Backlog(pending.stream().mapToDouble(Sample::value).sum(),
                        oldest.stream().mapToDouble(Sample::value).max().orElse(0)));
            }
        });

        // The lag of one group, reported by each of its instances, is counted once.
        Map<String, ConsumerLag.Behind> behind = new TreeMap<>();
        all(metrics, "spring_cloud_stream_binder_kafka_offset").forEach(sample -> behind.merge(
                sample.label("group") + " on " + sample.label("topic"),
                new ConsumerLag.Behind(sample.label("group"), sample.label("topic"), sample.value()),
                (one, other) -> one.records() >= other.records() ? one : other));

        Map<String, Double> open = new TreeMap<>();
        all(metrics, "samverka_events_gaps_unfilled_total")
                .forEach(sample -> open.merge(sample.label("consumer"), sample.value(), Double::sum));

        Optional<ReportWriters> writers = metrics.keySet().stream().anyMatch(Watch::isReporting)
                ? Optional.of(new ReportWriters(perInstance(metrics, "samverka_readmodels_writer", s -> true).entrySet()
                .stream().filter(writer -> writer.getValue() > 0).map(Map.Entry::getKey).toList()))
                : Optional.empty();

        // Every instance of subscription-service counts the same store's waiting deliveries.
        double waiting = all(metrics, "samverka_subscriptions_deliveries_pending").stream().mapToDouble(Sample::value)
                .max().orElse(0);
        double givenUp = perInstance(metrics, "samverka_subscriptions_deliveries_total",
                s -> Set.of("failed", "gone").contains(s.label("outcome"))).values().stream()
                .mapToDouble(d -> d).sum();

        return new Watch(new Outbox(backlogs), new ConsumerLag(List.copyOf(behind.values())), new DeadLetters(parked),
                new Gaps(open), writers, new Deliveries(waiting, givenUp));
    }

    /**
     * The records each consumer parked in its dead-letter topic ({@code <topic>.<group>.dlq}) and no one has replayed
     * or discarded, as the services count them ({@code samverka_events_dead_letters_open}, what the alert watches): for
     * a reader of the metrics who cannot ask the broker. Every instance of a service counts the same topic and store,
     * so a topic counts once, at its highest as the alert takes it. A topic whose service does not count what is open
     * gives what its consumers parked since they started.
     */
    public static Map<String, Long> openDeadLetters(Map<String, List<Sample>> metrics) {
        Map<String, Long> open = new TreeMap<>();
        all(metrics, "samverka_events_dead_lettered_total").forEach(sample -> open.merge(deadLetterTopic(sample),
                Math.round(sample.value()), Long::sum));
        Map<String, Long> counted = new TreeMap<>();
        all(metrics, "samverka_events_dead_letters_open").forEach(sample -> counted.merge(deadLetterTopic(sample),
                Math.round(sample.value()), Math::max));
        open.putAll(counted);
        return open;
    }

    /** The watch as {@code ./samverka status} prints it: a line per concern, with a "!" before what needs a person. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(line(outbox, "outbox backlog", outbox.waiting() == 0 ? "no event waits to be published"
                : "%s waiting (oldest %.0f s): %s".formatted(count(outbox.waiting()), outbox.oldest(),
                nonZero(outbox.instances().entrySet().stream()
                        .map(backlog -> Map.entry(backlog.getKey(), backlog.getValue().pending())).toList()))));
        lines.add(line(lag, "consumer lag", lag.total() == 0 ? "every consumer group is up to date"
                : "%s records to take: %s".formatted(count(lag.total()), nonZero(lag.consumers().stream()
                .map(consumer -> Map.entry(consumer.group() + " on " + consumer.topic(), consumer.records()))
                .toList()))));
        lines.add(line(deadLetters, "dead letters", deadLetters.parked().map(parked -> deadLetters.total() == 0
                ? "none parked" : "%d parked: %s".formatted(deadLetters.total(), parked.entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")))).orElse("unknown: the broker does not answer")));
        lines.add(line(gaps, "gaps left open", gaps.total() == 0 ? "none since the services started"
                : "%s since the services started; see the logs' \"Gap in\" lines".formatted(count(gaps.total()))));
        reportWriters.ifPresent(writers -> lines.add(line(writers, "reports written by", writers.instances().isEmpty()
                ? "no instance: the reports do not follow the events" : String.join(", ", writers.instances()))));
        lines.add(line(deliveries, "webhook deliveries", "%s waiting; %s given up since the service started"
                .formatted(count(deliveries.waiting()), deliveries.givenUp() == 0 ? "none" : count(deliveries.givenUp()))));
        return lines;
    }

    /** Each service instance's events stored but not yet published, and how long the oldest has waited. */
    public record Outbox(Map<String, Backlog> instances) implements Concern {

        public record Backlog(double pending, double oldestAgeSeconds) {

            public boolean stuck() {
                return oldestAgeSeconds > RELAY_STUCK_AFTER_SECONDS;
            }
        }

        public double waiting() {
            return instances.values().stream().mapToDouble(Backlog::pending).sum();
        }

        public double oldest() {
            return instances.values().stream().mapToDouble(Backlog::oldestAgeSeconds).max().orElse(0);
        }

        @Override
        public boolean needsAPerson() {
            return instances.values().stream().anyMatch(Backlog::stuck);
        }

        @Override
        public String runbook() {
            return RUNBOOKS + "the-relay-is-stuck";
        }
    }

    /**
     * How many records each consumer group has yet to take from each topic. A snapshot cannot tell a lag that grows
     * from one being worked off, so it never needs a person by itself (the alert watches it for 15 minutes).
     */
    public record ConsumerLag(List<Behind> consumers) implements Concern {

        public record Behind(String group, String topic, double records) {
        }

        public double total() {
            return consumers.stream().mapToDouble(Behind::records).sum();
        }

        @Override
        public boolean needsAPerson() {
            return false;
        }

        @Override
        public String runbook() {
            return RUNBOOKS + "consumer-lag-is-growing";
        }
    }

    /** @param parked the records held in each dead-letter topic; empty when they could not be counted */
    public record DeadLetters(Optional<Map<String, Long>> parked) implements Concern {

        public long total() {
            return parked.orElse(Map.of()).values().stream().mapToLong(n -> n).sum();
        }

        /** Parked records, or not knowing whether there are any. */
        @Override
        public boolean needsAPerson() {
            return parked.isEmpty() || total() > 0;
        }

        @Override
        public String runbook() {
            return RUNBOOKS + "records-were-dead-lettered";
        }
    }

    /** @param open per consumer, the gaps in its read model the log could not fill, since its service started */
    public record Gaps(Map<String, Double> open) implements Concern {

        public double total() {
            return open.values().stream().mapToDouble(d -> d).sum();
        }

        @Override
        public boolean needsAPerson() {
            return total() > 0;
        }

        @Override
        public String runbook() {
            return RUNBOOKS + "a-gap-stays-open";
        }
    }

    /** @param instances the reporting-service instances that write the read models: one, or none when it is wrong */
    public record ReportWriters(List<String> instances) implements Concern {

        @Override
        public boolean needsAPerson() {
            return instances.isEmpty();
        }

        @Override
        public String runbook() {
            return RUNBOOKS + "no-instance-writes-the-reports";
        }
    }

    /**
     * @param waiting deliveries not yet delivered nor given up
     * @param givenUp deliveries given up (failed, or the receiver gone) since subscription-service started
     */
    public record Deliveries(double waiting, double givenUp) implements Concern {

        @Override
        public boolean needsAPerson() {
            return givenUp > 0;
        }

        @Override
        public String runbook() {
            return RUNBOOKS + "webhook-deliveries-fail";
        }
    }

    private static String deadLetterTopic(Sample sample) {
        return sample.label("topic") + "." + sample.label("group") + ".dlq";
    }

    private static boolean isReporting(String instance) {
        return instance.equals(REPORTING) || instance.matches(REPORTING + "-\\d+");
    }

    private static List<Sample> named(List<Sample> samples, String name) {
        return samples.stream().filter(sample -> sample.name().equals(name)).toList();
    }

    private static List<Sample> all(Map<String, List<Sample>> metrics, String name) {
        return metrics.values().stream().flatMap(samples -> named(samples, name).stream()).toList();
    }

    private static Map<String, Double> perInstance(Map<String, List<Sample>> metrics, String name,
                                                   Predicate<Sample> which) {
        Map<String, Double> values = new LinkedHashMap<>();
        metrics.forEach((instance, samples) -> named(samples, name).stream().filter(which)
                .forEach(s -> values.merge(instance, s.value(), Double::sum)));
        return values;
    }

    private static String nonZero(List<Map.Entry<String, Double>> values) {
        return values.stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getKey() + " " + count(e.getValue())).collect(Collectors.joining(", "));
    }

    private static String count(double value) {
        return String.format("%,.0f", value);
    }

    private static String line(Concern concern, String what, String state) {
        return "%s %-19s %s".formatted(concern.needsAPerson() ? "!" : " ", what, state);
    }
}
