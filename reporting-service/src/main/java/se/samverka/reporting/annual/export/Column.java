package se.samverka.reporting.annual.export;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * One column of an exported table: its heading in the export's language, what kind of value it holds and how a row
 * gives it. The kind, not the Java type, decides how a value is written, so that the CSV and the workbook agree on
 * every column.
 *
 * @param value the row's value, of the Java type its kind names; null for an empty cell
 */
record Column<R>(String heading, Kind kind, Function<R, ?> value) {

    /** What a value is, and so how each format writes it. */
    enum Kind {
        /** A {@link String}. */
        TEXT,
        /** A whole number, a {@link Number}; a count or a year. */
        COUNT,
        /** A {@link BigDecimal} sum of money, written with two decimals in the workbook. */
        AMOUNT,
        /** A {@link Number} with decimals, such as an assessment score. */
        DECIMAL,
        /** A {@link LocalDate}. */
        DATE,
        /** An {@link Instant}, shown in Swedish time. */
        TIME
    }

    static <R> Column<R> text(String heading, Function<R, String> value) {
        return new Column<>(heading, Kind.TEXT, value);
    }

    static <R> Column<R> count(String heading, Function<R, ? extends Number> value) {
        return new Column<>(heading, Kind.COUNT, value);
    }

    static <R> Column<R> amount(String heading, Function<R, BigDecimal> value) {
        return new Column<>(heading, Kind.AMOUNT, value);
    }

    static <R> Column<R> decimal(String heading, Function<R, ? extends Number> value) {
        return new Column<>(heading, Kind.DECIMAL, value);
    }

    static <R> Column<R> date(String heading, Function<R, LocalDate> value) {
        return new Column<>(heading, Kind.DATE, value);
    }

    Object of(R row) {
        return value.apply(row);
    }
}
