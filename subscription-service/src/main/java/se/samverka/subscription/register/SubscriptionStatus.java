package se.samverka.subscription.register;

/** Whether events are delivered: a receiver that answers 410 Gone disables its subscription; an update re-enables it. */
public enum SubscriptionStatus {
    ACTIVE,
    DISABLED
}
