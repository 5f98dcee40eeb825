package se.samverka.subscription.register;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What a client sends to create or replace a subscription.
 *
 * @param sink     the HTTPS URL deliveries are posted to
 * @param protocol HTTP, the only one; may be left out
 * @param types    event types, e.g. {@code se.samverka.project.statusChanged} or {@code se.samverka.call.closingSoon},
 *                 or a family of them, {@code se.samverka.call.*}; none for every project event
 * @param filters  CloudEvents Subscriptions API filter expressions, all of which must match
 * @param projects which projects, by country, strategy, growth area, owner, programme or partnership
 */
public record SubscriptionDetails(String sink, String protocol, List<String> types, JsonNode filters,
                                  ProjectCriteria projects) {
}
