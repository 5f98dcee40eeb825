package se.samverka.partnership.broker.interest;

/** Whether an organisation offers something internationally or seeks it. */
public enum Direction {
    OFFERS,
    SEEKS;

    /** The direction that complements this one: an offer meets a search. */
    public Direction opposite() {
        return this == OFFERS ? SEEKS : OFFERS;
    }
}
