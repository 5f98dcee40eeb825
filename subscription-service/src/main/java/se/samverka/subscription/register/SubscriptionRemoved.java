package se.samverka.subscription.register;

/** A subscription was deleted: what belongs to it (its deliveries) goes too. */
public record SubscriptionRemoved(String subscriptionId) {
}
