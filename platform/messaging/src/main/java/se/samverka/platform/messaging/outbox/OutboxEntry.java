package se.samverka.platform.messaging.outbox;

import java.time.Instant;

/**
 * An event waiting in its aggregate's document to be published. It is written in the same single-document update
 * as the state change it announces, so the two cannot part (docs/architecture.md §3).
 *
 * @param sequence    the aggregate's version after the change
 * @param data        the event data as JSON, fixed at the moment of the change
 * @param traceparent the trace context of the request that made the change, or null
 */
public record OutboxEntry(
        String eventId,
        String type,
        String topic,
        long sequence,
        Instant time,
        String data,
        String traceparent) {
}
