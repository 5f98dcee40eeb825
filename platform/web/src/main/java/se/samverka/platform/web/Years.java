package se.samverka.platform.web;

import java.util.Optional;

/**
 * A year a list or a report is narrowed to ({@code year=2026}): one a reader could mean, which is also one every date
 * computed from it can hold.
 */
public final class Years {

    private static final int FIRST = 1900;
    private static final int LAST = 2200;

    private Years() {
    }

    /** @return the problem with the year, named as this parameter; empty for none or a year from 1900 to 2200 */
    public static Optional<FieldProblem> problem(String parameter, Integer year) {
        return year != null && (year < FIRST || year > LAST)
                ? Optional.of(new FieldProblem(parameter, "reason.year")) : Optional.empty();
    }
}
