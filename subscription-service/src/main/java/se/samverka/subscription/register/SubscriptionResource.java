package se.samverka.subscription.register;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A subscription as its owner sees it.
 *
 * @param secret              the signing secret: only in the answer that made it (creation, rotation), never again
 * @param previousSecretUntil until when the rotated-out secret still signs beside the current one
 */
public record SubscriptionResource(
        String id,
        long version,
        String organisationId,
        String sink,
        String protocol,
        List<String> types,
        JsonNode filters,
        ProjectCriteria projects,
        SubscriptionStatus status,
        String disabledReason,
        Instant previousSecretUntil,
        Instant createdAt,
        Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static SubscriptionResource of(Subscription s) {
        return of(s, null);
    }

    static SubscriptionResource withSecret(Subscription s) {
        return of(s, s.secret());
    }

    private static SubscriptionResource of(Subscription s, String secret) {
        return new SubscriptionResource(s.id(), s.version(), s.organisationId(), s.sink(), s.protocol(), s.types(),
                Filters.write(s.filters()), s.projects(), s.status(), s.disabledReason(), s.previousSecretUntil(),
                s.createdAt(), s.updatedAt(), secret);
    }
}
