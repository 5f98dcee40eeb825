package se.samverka.subscription.register;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import se.samverka.platform.security.Caller;
import se.samverka.platform.tokens.Role;

/**
 * An organisation's subscription to project and funding call events, modelled on the CloudEvents Subscriptions API.
 * Who subscribed is kept, so that every delivery is decided by what that subscriber may read through the API.
 *
 * @param organisationId       the subscriber's organisation, which owns the subscription (null for an ADMIN without
 *                             one)
 * @param types                event types, or families of them ({@code se.samverka.call.*}); empty for all project
 *                             events
 * @param secret               signs deliveries ({@code whsec_...}); never shown after it was made
 * @param previousSecret       the secret before the last rotation, still signing until {@code previousSecretUntil}
 * @param disabledReason       why it was disabled, when it is
 */
@Document("subscriptions")
public record Subscription(
        @Id String id,
        long version,
        String organisationId,
        String subscriberSubject,
        String subscriberName,
        Role subscriberRole,
        String sink,
        String protocol,
        List<String> types,
        List<FilterExpression> filters,
        ProjectCriteria projects,
        SubscriptionStatus status,
        String disabledReason,
        String secret,
        String previousSecret,
        Instant previousSecretUntil,
        Instant createdAt,
        Instant updatedAt) {

    public Subscription {
        types = types == null ? List.of() : List.copyOf(types);
        filters = filters == null ? List.of() : List.copyOf(filters);
        projects = projects == null ? ProjectCriteria.ANY : projects;
    }

    /** Whether it follows events of this type ({@link EventTypes}). */
    public boolean follows(String type) {
        return EventTypes.follows(types, type);
    }

    /** The subscriber, as the access rules know callers. */
    public Caller subscriber() {
        return new Caller(subscriberSubject, subscriberName, subscriberRole, organisationId);
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during the overlap. */
    public List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
