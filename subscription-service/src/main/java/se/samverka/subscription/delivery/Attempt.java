package se.samverka.subscription.delivery;

import java.time.Instant;

/**
 * One try to deliver.
 *
 * @param status        the receiver's HTTP status; null when it did not answer
 * @param latencyMillis from sending to the answer (or the failure)
 * @param error         what went wrong, or null
 */
public record Attempt(int number, Instant at, Integer status, long latencyMillis, String error) {
}
