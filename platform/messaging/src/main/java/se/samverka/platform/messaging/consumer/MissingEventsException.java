package se.samverka.platform.messaging.consumer;

import se.samverka.platform.events.EventEnvelope;

/**
 * An event came whose predecessors the read model lacks: its aggregate is at {@code expectedSequence - 1}. The
 * consumer re-reads the missing events from the log and applies them in order before this one.
 */
public class MissingEventsException extends RuntimeException {

    private final String collection;
    private final EventEnvelope event;
    private final long expectedSequence;

    MissingEventsException(String collection, EventEnvelope event, long expectedSequence) {
        super("Gap in %s for %s: expected sequence %d but got %d (%s %s)".formatted(collection, event.aggregateId(),
                expectedSequence, event.sequence(), event.type(), event.id()));
        this.collection = collection;
        this.event = event;
        this.expectedSequence = expectedSequence;
    }

    public String collection() {
        return collection;
    }

    /** The event that found the gap. */
    public EventEnvelope event() {
        return event;
    }

    /** The first sequence the read model lacks. */
    public long expectedSequence() {
        return expectedSequence;
    }
}
