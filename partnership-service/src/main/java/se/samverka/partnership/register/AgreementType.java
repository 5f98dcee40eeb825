package se.samverka.partnership.register;

/** How binding a partnership's agreement is, from the weakest. */
public enum AgreementType {
    LETTER_OF_INTENT,
    MEMORANDUM_OF_UNDERSTANDING,
    AGREEMENT
}
