package se.samverka.reference;

/** The three sectors the strategy wants engaged: public, private (näringsliv), social economy (civilsamhället). */
public enum Sector {
    PUBLIC,
    PRIVATE,
    SOCIAL_ECONOMY
}
