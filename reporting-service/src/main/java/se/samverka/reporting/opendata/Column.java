package se.samverka.reporting.opendata;

import java.util.Locale;
import java.util.function.Function;

/**
 * A column of a dataset: its name, stable once published (English, snake_case), the kind of its values, what it means,
 * and how a row's value is read.
 */
public record Column<T>(String name, Type type, Bilingual meaning, Function<T, ?> value) {

    /**
     * How a value is written: in the CSV as text (a list with its items separated by {@code ;}, an empty cell for no
     * value); in the JSON as a string, except integers and truth values (numbers and booleans) and lists (arrays).
     * Dates and times are ISO 8601, decimals exact with a point, as strings in the JSON too.
     */
    public enum Type {
        TEXT, CODE, LIST, INTEGER, DECIMAL, DATE, DATE_TIME, BOOLEAN;

        /** As the listing names it: text, code, list, integer, decimal, date, date_time, boolean. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static <T> Column<T> of(String name, Type type, String sv, String en, Function<T, ?> value) {
        return new Column<>(name, type, new Bilingual(sv, en), value);
    }
}
