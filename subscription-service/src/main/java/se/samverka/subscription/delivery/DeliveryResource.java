package se.samverka.subscription.delivery;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivery in a subscription's log.
 *
 * @param event         the CloudEvent as sent
 * @param nextAttemptAt while pending: when it is tried next
 */
public record DeliveryResource(
        String id,
        String eventId,
        String eventType,
        String projectId,
        Instant eventTime,
        DeliveryStatus status,
        List<Attempt> attempts,
        Instant nextAttemptAt,
        Instant createdAt,
        Instant finishedAt,
        JsonNode event) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static DeliveryResource of(Delivery d) {
        return new DeliveryResource(d.id(), d.eventId(), d.eventType(), d.projectId(), d.eventTime(), d.status(),
                d.attempts(), d.status() == DeliveryStatus.PENDING ? d.nextAttemptAt() : null, d.createdAt(),
                d.finishedAt(), JSON.readTree(d.body()));
    }
}
