package se.samverka.partnership.broker.matching;

/** What a match is judged by; each weighs as {@link MatchWeights} says. */
public enum Criterion {
    PLACE,
    THEMES,
    GROWTH_AREAS,
    STRATEGIES,
    SECTORS,
    PURPOSES,
    COMPLEMENTARY,
    ORGANISATION_TYPE
}
