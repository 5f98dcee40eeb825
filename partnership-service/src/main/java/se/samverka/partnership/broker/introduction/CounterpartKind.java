package se.samverka.partnership.broker.introduction;

/** What an interest's organisation is introduced to. */
public enum CounterpartKind {
    INTEREST,
    PARTNERSHIP,
    ORGANISATION,
    PROJECT
}
