package se.samverka.partnership.register;

/** Where a partnership stands (the ICLD-style phases): EXPLORING → LETTER_OF_INTENT → ACTIVE ⇄ DORMANT → UNDER_REVIEW → ENDED. */
public enum PartnershipStatus {
    EXPLORING,
    LETTER_OF_INTENT,
    ACTIVE,
    DORMANT,
    UNDER_REVIEW,
    ENDED
}
