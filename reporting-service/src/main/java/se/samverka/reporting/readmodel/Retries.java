package se.samverka.reporting.readmodel;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Does a piece of work again after each failure, pausing twice as long each time up to a longest pause, for as long
 * as it is still wanted.
 *
 * @param first   the pause after the first failure
 * @param longest the longest pause
 * @param pause   how to pause ({@code Thread::sleep} but in tests)
 */
record Retries(Duration first, Duration longest, Pause pause) {

    /** Waits the given time. */
    interface Pause {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * @param wanted  asked before each attempt: false ends the tries
     * @param work    done until it returns without an exception
     * @param failed  told each failure and the pause that follows it
     * @return whether the work was done; false when no longer wanted, or the thread was interrupted while pausing
     */
    boolean untilDone(BooleanSupplier wanted, Runnable work, BiConsumer<RuntimeException, Duration> failed) {
        Duration next = first;
        while (wanted.getAsBoolean()) {
            try {
                work.run();
                return true;
            } catch (RuntimeException e) {
                failed.accept(e, next);
            }
            try {
                pause.sleep(next);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            next = next.multipliedBy(2).compareTo(longest) > 0 ? longest : next.multipliedBy(2);
        }
        return false;
    }
}
