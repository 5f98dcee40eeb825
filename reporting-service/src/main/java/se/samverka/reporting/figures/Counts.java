package se.samverka.reporting.figures;

import java.util.Map;

/**
 * What the figures hold of what a filter covers.
 *
 * @param total how many projects it covers
 * @param by    for each dimension, how many have each value (NONE for those without one)
 */
public record Counts(long total, Map<String, Map<String, Long>> by) {

    /** The dimension of how many open projects each organisation owns or takes part in, by its id. */
    public static final String OPEN_BY = "openBy";
    /** The dimension of how many ONGOING projects each organisation owns or takes part in. */
    public static final String ONGOING_BY = "ongoingBy";

    public Counts {
        by = Map.copyOf(by);
    }

    public Map<String, Long> of(String dimension) {
        return by.getOrDefault(dimension, Map.of());
    }
}
