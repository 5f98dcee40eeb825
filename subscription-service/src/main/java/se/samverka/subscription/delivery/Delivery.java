package se.samverka.subscription.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One event for one subscription, with every attempt to deliver it. Unique per (subscription, event id): an event
 * heard twice is delivered as one.
 *
 * @param sequence      the project's sequence of the event: deliveries of a project go out in this order
 * @param body          the structured CloudEvent as the subscriber may see it, fixed when the event was heard
 * @param tries         attempts in the current round (a manual redelivery starts a new round)
 * @param manual        redelivered by hand: sent at once, out of the project's order
 * @param leaseUntil    while being sent, no other sender takes it until then
 */
@Document(DeliveryStore.COLLECTION)
public record Delivery(
        @Id String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String projectId,
        long sequence,
        Instant eventTime,
        String body,
        DeliveryStatus status,
        List<Attempt> attempts,
        int tries,
        boolean manual,
        Instant nextAttemptAt,
        Instant leaseUntil,
        Instant createdAt,
        Instant finishedAt,
        String traceparent) {

    public Delivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }
}
