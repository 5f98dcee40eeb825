package se.samverka.platform.events;

import java.util.List;

/** Checks shared by the event records' constructors, so a record that breaks its schema is never built. */
public final class Contracts {

    private Contracts() {
    }

    public static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** A copy of a list a producer may leave out (null stays null: events published before it was added). */
    public static <T> List<T> copyOfOptional(List<T> values) {
        return values == null ? null : List.copyOf(values);
    }

    public static <T> List<T> copyOf(List<T> values, String field) {
        if (values == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return List.copyOf(values);
    }
}
