package se.samverka.platform.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One CloudEvent 1.0 as Samverka publishes it: the context attributes of docs/architecture.md §2 and the event data as JSON.
 *
 * @param id          unique per event (UUID); consumers that cause side effects deduplicate by it
 * @param source      the publishing service, e.g. {@code /project-service}
 * @param type        e.g. {@code se.samverka.project.registered}
 * @param subject     the aggregate id; also the partition key and the Kafka record key
 * @param time        when the state change happened
 * @param sequence    the aggregate's version after the change: 1 for the first event, then +1 per event
 * @param dataSchema  the URI of the JSON Schema the data follows
 * @param traceparent W3C trace context of the request that caused the change, or null
 * @param data        the event data as JSON text
 */
public record EventEnvelope(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        long sequence,
        String dataSchema,
        String traceparent,
        String data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1, was " + sequence);
        }
    }

    /** The aggregate id: the subject, the partition key and the record key are one and the same. */
    public String aggregateId() {
        return subject;
    }
}
