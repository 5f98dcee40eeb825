package se.samverka.platform.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * When to start a part of the platform again after it died: at once would turn a part that cannot start into a
 * busy loop on a machine of two cores, so each failure in a row doubles the pause, up to a cap. A part that then
 * stays up for a while is well again and starts over from the shortest pause. One that fails too often in a short
 * window is left down, with a clear line, rather than restarted forever. Not thread-safe: the Platform guards it.
 */
final class RestartBackoff {

    /**
     * @param firstDelay  the pause after a first failure
     * @param maxDelay    the longest pause
     * @param stableAfter how long a part must have been ready before its next failure counts as a first one again
     * @param maxFailures failures within {@code window} after which the part is left down
     * @param window      how far back failures count towards {@code maxFailures}
     */
    record Policy(Duration firstDelay, Duration maxDelay, Duration stableAfter, int maxFailures, Duration window) {

        /** 1 s, 2 s, 4 s ... 30 s; well again after a minute up; left down after 10 failures within 10 minutes. */
        static final Policy DEFAULT = new Policy(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(1),
                10, Duration.ofMinutes(10));

        Policy {
            if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || maxFailures < 1) {
                throw new IllegalArgumentException("not a restart policy: " + this);
            }
        }
    }

    /** What to do about a failure. */
    sealed interface Decision {
    }

    /**
     * Start the part again after {@code delay}.
     *
     * @param inARow failures since the part was last stable, this one included
     */
    record Restart(Duration delay, int inARow) implements Decision {
    }

    /** Leave the part down: it failed {@code failures} times within {@code window}. */
    record GiveUp(int failures, Duration window) implements Decision {
    }

    private final Policy policy;
    private final Deque<Instant> recentFailures = new ArrayDeque<>();
    private int inARow;
    private Instant readySince;

    RestartBackoff(Policy policy) {
        this.policy = policy;
    }

    /** The part is ready (again). */
    void ready(Instant now) {
        readySince = now;
    }

    /** The part died without being asked to, or could not be started. */
    Decision failed(Instant now) {
        if (readySince != null && !now.isBefore(readySince.plus(policy.stableAfter()))) {
            inARow = 0;
        }
        readySince = null;
        inARow++;
        recentFailures.addLast(now);
        while (recentFailures.getFirst().isBefore(now.minus(policy.window()))) {
            recentFailures.removeFirst();
        }
        if (recentFailures.size() >= policy.maxFailures()) {
            return new GiveUp(recentFailures.size(), policy.window());
        }
        return new Restart(delay(inARow), inARow);
    }

    /** Someone started the part on purpose: its history no longer counts. */
    void reset() {
        recentFailures.clear();
        inARow = 0;
        readySince = null;
    }

    private Duration delay(int failures) {
        // Doubling from the first pause; the shift stops long before the cap could overflow.
        Duration delay = policy.firstDelay().multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(policy.maxDelay()) > 0 ? policy.maxDelay() : delay;
    }
}
