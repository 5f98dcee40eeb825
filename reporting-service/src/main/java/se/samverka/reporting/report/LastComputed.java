package se.samverka.reporting.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last computation of each key, given again while what it was computed from has not changed: a report over
 * every entry takes seconds at a county's size, and most requests come while no event has been applied since the same
 * report was last asked for (a municipality's portfolio changes a few times an hour; the portal asks its reports on
 * every page).
 *
 * <p>A computation is kept with the version of its source taken before it began, so a computation that read more
 * than its version says is only computed again sooner than needed. It is given for {@link #MAX_AGE} at most, since
 * what a report counts also moves with the date (a project still open runs in the current year). The
 * {@link #KEPT} keys used last are kept.
 *
 * @param <K> what was computed (a report and its parameters)
 */
final class LastComputed<K> {

    static final int KEPT = 32;
    static final Duration MAX_AGE = Duration.ofMinutes(10);

    /**
     * What a computation reads, as far as a change to it can be seen; equal versions, the same source.
     *
     * @param generation   the read models' generation
     * @param applications how often this instance has applied events to it
     * @param byTheGroup   the events the consumer group has applied, every instance together (what other instances
     *                     change shows here); null when the broker cannot say
     */
    record Version(int generation, long applications, Long byTheGroup) {
    }

    private record Computed(Version version, Instant at, Object result) {
    }

    private final Clock clock;
    private final Map<K, Computed> computed = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<K, Computed> eldest) {
            return size() > KEPT;
        }
    };

    LastComputed(Clock clock) {
        this.clock = clock;
    }

    /**
     * The computation of {@code key} at {@code version}: the one kept if it was made at that version, else a new one,
     * kept.
     *
     * @param version taken before {@code compute} reads anything
     * @return whether it was computed now, and what
     */
    <T> Result<T> get(K key, Version version, Supplier<T> compute) {
        Instant now = clock.instant();
        Computed kept;
        synchronized (computed) {
            kept = computed.get(key);
        }
        if (kept != null && kept.version().equals(version) && kept.at().plus(MAX_AGE).isAfter(now)) {
            @SuppressWarnings("unchecked") // kept under this key by this method, from a compute of this type
            T result = (T) kept.result();
            return new Result<>(result, false);
        }
        T result = compute.get();
        synchronized (computed) {
            computed.put(key, new Computed(version, now, result));
        }
        return new Result<>(result, true);
    }

    /** @param computedNow false when it was kept from before */
    record Result<T>(T value, boolean computedNow) {
    }
}
