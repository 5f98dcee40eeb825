package se.samverka.reporting.report;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Counts things by one dimension. A thing with several values (a project with two strategies) counts once under
 * each; one with none counts under NONE.
 */
public final class Tally {

    public static final String NONE = "NONE";
    private static final Comparator<Count> MOST_COMMON_FIRST =
            Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key);

    private final Map<String, Long> counts = new HashMap<>();
    private final Function<String, String> names;
    private final Comparator<Count> order;

    private Tally(Function<String, String> names, Comparator<Count> order) {
        this.names = names;
        this.order = order;
    }

    /** @param names what a person reads for a key; null where the key says it itself */
    public static Tally named(Function<String, String> names) {
        return new Tally(names, MOST_COMMON_FIRST);
    }

    public static Tally plain() {
        return named(key -> null);
    }

    /** For keys that have an order of their own, such as years. */
    public static Tally inKeyOrder() {
        return new Tally(key -> null, Comparator.comparing(Count::key));
    }

    public Tally add(String key) {
        return add(key, 1);
    }

    /** Adds {@code count} under the key at once, as counted elsewhere (the figures). */
    public Tally add(String key, long count) {
        counts.merge(key == null ? NONE : key, count, Long::sum);
        return this;
    }

    public Tally addEach(Collection<String> keys) {
        if (keys.isEmpty()) {
            return add(null);
        }
        keys.stream().distinct().forEach(this::add);
        return this;
    }

    /** The most common first, then by key (or in key order, where the keys have one). */
    public List<Count> counts() {
        return counts.entrySet().stream()
                .map(entry -> new Count(entry.getKey(), NONE.equals(entry.getKey()) ? null : names.apply(entry.getKey()),
                        entry.getValue()))
                .sorted(order)
                .toList();
    }
}
