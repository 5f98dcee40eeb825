package se.samverka.reporting.figures;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Counts per slice of the portfolio (all of it, a department's, a strategy's, a country's, a year's) and per key
 * ({@code total}, {@code status:ONGOING}...): what the figures hold, or a change to add to them.
 */
public final class Figures {

    private final Map<String, Map<String, Long>> slices = new HashMap<>();

    void add(String slice, String key, long count) {
        Map<String, Long> counts = slices.computeIfAbsent(slice, ignored -> new HashMap<>());
        if (counts.merge(key, count, Long::sum) == 0) {
            counts.remove(key);
        }
        if (counts.isEmpty()) {
            slices.remove(slice);
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
        other.slices.forEach((slice, counts) -> counts.forEach((key, count) -> add(slice, key, count)));
    }

    boolean isEmpty() {
        return slices.isEmpty();
    }

    /** Each slice with its counts by key. */
    void forEach(BiConsumer<String, Map<String, Long>> action) {
        slices.forEach(action);
    }

    /** The counts of a slice by key; none for a slice nothing counts in. */
    public Map<String, Long> of(String slice) {
        return slices.getOrDefault(slice, Map.of());
    }
}
