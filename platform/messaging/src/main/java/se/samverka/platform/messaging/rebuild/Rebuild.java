package se.samverka.platform.messaging.rebuild;

import java.time.Duration;
import java.time.Instant;

/**
 * A rebuild of a service's read models from the beginning of the topics, as far as it has come.
 *
 * @param generation     the generation it builds, which serves once it is COMPLETED
 * @param events         events applied so far
 * @param skipped        records that are no valid events (they went to the dead-letter topic when they came live)
 * @param eventsPerSecond events applied per second of the rebuild so far
 * @param failure        why it failed, when it did
 */
public record Rebuild(
        String id,
        State state,
        int generation,
        Instant startedAt,
        Instant finishedAt,
        long events,
        long skipped,
        double eventsPerSecond,
        String failure) {

    public enum State { RUNNING, COMPLETED, FAILED }

    public static double rate(long events, Instant from, Instant to) {
        long millis = Math.max(1, Duration.between(from, to).toMillis());
        return Math.round(events * 10_000.0 / millis) / 10.0;
    }
}
