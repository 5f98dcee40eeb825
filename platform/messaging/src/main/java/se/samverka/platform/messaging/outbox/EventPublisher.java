package se.samverka.platform.messaging.outbox;

import java.util.concurrent.CompletableFuture;
import se.samverka.platform.events.EventEnvelope;

/** Hands events to the broker without waiting for each. */
public interface EventPublisher {

    /**
     * Sends one event. The future completes once the broker has acknowledged it (acks=all), and fails when it has
     * not, so the caller keeps the event and tries again. Events sent one after another to the same partition are
     * written in the order they were sent. May also throw at once when the event cannot even be sent.
     */
    CompletableFuture<?> publish(String topic, EventEnvelope event);
}
