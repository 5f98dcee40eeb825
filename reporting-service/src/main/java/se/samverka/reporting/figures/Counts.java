package se.samverka.reporting.figures;

import java.util.Map;

/**
 * What the figures hold of what a filter covers.
 *
 * @param total how many projects it covers
 * @param by    for each dimension, how many have each value (NONE for those without one)
 */
public record Counts(long total, Map<String, Map<String, Long>> by) {

    public Counts {
        by = Map.copyOf(by);
    }

    public Map<String, Long> of(String dimension) {
        return by.getOrDefault(dimension, Map.of());
    }
}
