package se.samverka.platform.messaging.consumer;

/** What a sequence-guarded projection did with an event. */
public enum ApplyOutcome {
    /** It was the next event of its aggregate and changed the view. */
    APPLIED,
    /** Already applied (a redelivery or a relay's duplicate): skipped. */
    DUPLICATE
}
