package se.samverka.subscription.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import se.samverka.subscription.SubscriptionSettings;

/**
 * When to try again: the Standard Webhooks schedule (at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), scaled
 * (a compressed clock in tests), with up to {@code jitter} added at random so that the pause is never shorter than
 * the schedule's.
 */
final class RetrySchedule {

    private final List<Duration> pauses;
    private final double scale;
    private final double jitter;
    private final Duration maxRetryAfter;

    RetrySchedule(SubscriptionSettings.Delivery settings) {
        this.pauses = List.copyOf(settings.schedule());
        this.scale = settings.scheduleScale();
        this.jitter = settings.jitter();
        this.maxRetryAfter = settings.maxRetryAfter();
    }

    /**
     * The pause after {@code triesSoFar} failed attempts, or empty when that was the last.
     *
     * @param retryAfter what the receiver asked for (429, 503), or null; honoured when longer than the schedule's
     */
    Optional<Duration> pauseAfter(int triesSoFar, Duration retryAfter) {
        if (triesSoFar >= pauses.size()) {
            return Optional.empty();
        }
        long scaled = Math.round(pauses.get(triesSoFar).toNanos() * scale);
        long jittered = scaled + Math.round(scaled * jitter * ThreadLocalRandom.current().nextDouble());
        Duration pause = Duration.ofNanos(jittered);
        if (retryAfter != null) {
            Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
            pause = asked.compareTo(pause) > 0 ? asked : pause;
        }
        return Optional.of(pause);
    }

    /** The first attempt's pause: at once, as the schedule begins. */
    Duration first() {
        return Duration.ofNanos(Math.round(pauses.get(0).toNanos() * scale));
    }
}
