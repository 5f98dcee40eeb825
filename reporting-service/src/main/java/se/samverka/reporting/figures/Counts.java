package se.samverka.reporting.figures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the figures hold of what a filter covers.
 *
 * @param total how many projects it covers
 * @param by    for each dimension, how many have each value (NONE for those without one)
 * @param sums  for each dimension of amounts, the exact sum of each key's ({@link #FUNDING})
 */
public record Counts(long total, Map<String, Map<String, Long>> by, Map<String, Map<String, BigDecimal>> sums) {

    /** The dimension of how many open projects each organisation owns or takes part in, by its id. */
    public static final String OPEN_BY = "openBy";
    /** The dimension of how many ONGOING projects each organisation owns or takes part in. */
    public static final String ONGOING_BY = "ongoingBy";

    /**
     * The funding lines' amounts, by {@code <programme>|<year>|<currency>|<APPLIED, GRANTED, PAID or
     * OWN_CONTRIBUTION>}; in {@code by}, {@code fundingLines} counts the lines by {@code <programme>|<year>}, and
     * {@code fundingAmounts} the amounts given by {@code <programme>|<year>|<currency>}.
     */
    public static final String FUNDING = "funding";
    public static final String FUNDING_LINES = "fundingLines";
    public static final String FUNDING_AMOUNTS = "fundingAmounts";

    /** How many open projects have each assessment score, by the score ({@code Double.toString}). */
    public static final String SCORE = "score";
    /** How many projects have indicators: under the key {@code true}. */
    public static final String WITH_INDICATORS = "withIndicators";
    /**
     * The indicators by {@code <strategy>|<kind>|<unit>} ({@link #indicatorKey}): how many, how many reported, and in
     * {@code sums} their baselines, targets and latest values.
     */
    public static final String INDICATORS = "indicators";
    public static final String INDICATORS_REPORTED = "indicatorsReported";
    public static final String INDICATOR_BASELINE = "indicatorBaseline";
    public static final String INDICATOR_TARGET = "indicatorTarget";
    public static final String INDICATOR_LATEST = "indicatorLatest";

    public Counts {
        by = Map.copyOf(by);
        sums = Map.copyOf(sums);
    }

    public Map<String, Long> of(String dimension) {
        return by.getOrDefault(dimension, Map.of());
    }

    public Map<String, BigDecimal> sumsOf(String dimension) {
        return sums.getOrDefault(dimension, Map.of());
    }

    /** The key of the indicators of a strategy, kind and unit; a unit may hold anything, so it comes last. */
    public static String indicatorKey(String strategy, String kind, String unit) {
        return strategy + "|" + kind + "|" + unit;
    }

    /** A key of {@link #indicatorKey} as its strategy, kind and unit. */
    public static List<String> indicatorKeyParts(String key) {
        return List.of(key.split("\\|", 3));
    }
}
