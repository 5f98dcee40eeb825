package se.samverka.partnership.broker.interest;

/** What an interest is for. */
public enum Purpose {
    EXPORT,
    EXCHANGE,
    COMPETENCE,
    APPLICATION_PARTNERS
}
