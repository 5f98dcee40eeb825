package se.samverka.platform.messaging.outbox;

import se.samverka.platform.events.EventEnvelope;

/** Hands one event to the broker. */
public interface EventPublisher {

    /**
     * Returns only once the broker has acknowledged the event (acks=all); throws when it has not, so the caller
     * keeps the event and tries again.
     */
    void publish(String topic, EventEnvelope event);
}
