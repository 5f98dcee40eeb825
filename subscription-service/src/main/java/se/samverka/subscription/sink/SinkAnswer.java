package se.samverka.subscription.sink;

import java.time.Duration;

/**
 * How a receiver answered.
 *
 * @param retryAfter what its {@code Retry-After} asked for, or null without one
 */
public record SinkAnswer(int status, Duration retryAfter) {

    public boolean successful() {
        return status >= 200 && status < 300;
    }
}
