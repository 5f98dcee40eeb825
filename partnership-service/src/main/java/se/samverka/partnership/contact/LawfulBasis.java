package se.samverka.partnership.contact;

/** The lawful bases of GDPR article 6(1) for keeping a contact person's data. */
public enum LawfulBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION,
    PUBLIC_TASK,
    LEGITIMATE_INTEREST
}
