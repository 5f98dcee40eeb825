package se.samverka.reporting.figures;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts and exact sums per slice of the portfolio (all of it, a department's, a strategy's, a country's, a year's)
 * and per key ({@code total}, {@code status:ONGOING}, {@code funding:ERASMUS_PLUS|2025|EUR|GRANTED}...): what the
 * figures hold, or a change to add to them.
 */
public final class Figures {

    private final Map<String, Map<String, Long>> counts = new HashMap<>();
    private final Map<String, Map<String, BigDecimal>> sums = new HashMap<>();

    void add(String slice, String key, long count) {
        Map<String, Long> ofSlice = counts.computeIfAbsent(slice, ignored -> new HashMap<>());
        if (ofSlice.merge(key, count, Long::sum) == 0) {
            ofSlice.remove(key);
        }
        if (ofSlice.isEmpty()) {
            counts.remove(slice);
        }
    }

    void add(String slice, String key, BigDecimal amount) {
        Map<String, BigDecimal> ofSlice = sums.computeIfAbsent(slice, ignored -> new HashMap<>());
        if (ofSlice.merge(key, amount, BigDecimal::add).signum() == 0) {
            ofSlice.remove(key);
        }
        if (ofSlice.isEmpty()) {
            sums.remove(slice);
        }
    }

    /** The change from {@code before} to {@code after}. */
    static Figures change(Contribution before, Contribution after) {
        Figures change = new Figures();
        after.addTo(change, 1);
        before.addTo(change, -1);
        return change;
    }

    void addAll(Figures other) {
        other.counts.forEach((slice, ofSlice) -> ofSlice.forEach((key, count) -> add(slice, key, count)));
        other.sums.forEach((slice, ofSlice) -> ofSlice.forEach((key, amount) -> add(slice, key, amount)));
    }

    boolean isEmpty() {
        return counts.isEmpty() && sums.isEmpty();
    }

    /** Each slice with its counts and its sums by key (either may be empty). */
    void forEach(SliceAction action) {
        Set<String> slices = new HashSet<>(counts.keySet());
        slices.addAll(sums.keySet());
        slices.forEach(slice -> action.accept(slice, of(slice), sumsOf(slice)));
    }

    /** What {@link #forEach} hands each slice. */
    @FunctionalInterface
    interface SliceAction {
        void accept(String slice, Map<String, Long> counts, Map<String, BigDecimal> sums);
    }

    /** The counts of a slice by key; none for a slice nothing counts in. */
    public Map<String, Long> of(String slice) {
        return counts.getOrDefault(slice, Map.of());
    }

    /** The sums of a slice by key. */
    public Map<String, BigDecimal> sumsOf(String slice) {
        return sums.getOrDefault(slice, Map.of());
    }
}
