package se.samverka.partnership.partnership;

/** Where a partnership stands. Every partnership starts EXPLORING; its transitions belong to the lifecycle. */
public enum PartnershipStatus {
    EXPLORING,
    LETTER_OF_INTENT,
    ACTIVE,
    DORMANT,
    UNDER_REVIEW,
    ENDED
}
