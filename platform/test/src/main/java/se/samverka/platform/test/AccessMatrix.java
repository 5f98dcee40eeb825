package se.samverka.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * A table of who may do what to an object: one row per endpoint and visibility of the object, one column per caller
 * as it stands to the object's owner, each cell the status expected. The test runs every cell and fails with the
 * whole table, expected beside actual, so one run shows every wrong cell.
 */
public final class AccessMatrix {

    /** Done. */
    public static final int OK = 200;
    public static final int CREATED = 201;
    /** Done, nothing to show: a removal. */
    public static final int GONE = 204;
    /** No valid token, and the call needs one. */
    public static final int NONE = 401;
    /** The caller reads the object but may not do this. */
    public static final int NO = 403;
    /** The caller may not read the object: as if it did not exist (and, in a list, not listed). */
    public static final int HIDDEN = 404;

    /** The callers of the columns, as they stand to the owner of the object. */
    public enum Who {
        ANONYMOUS, ADMIN, STAFF_OF_OWNER, STAFF_OF_OTHER, COMPANY_OWNER, OTHER_COMPANY, PARTNER;

        /** The bearer token this caller sends, or null for none. */
        public String token(String owner, String other) {
            return switch (this) {
                case ANONYMOUS -> null;
                case ADMIN -> TestTokens.admin();
                case STAFF_OF_OWNER -> TestTokens.staff(owner);
                case STAFF_OF_OTHER -> TestTokens.staff(other);
                case COMPANY_OWNER -> TestTokens.company(owner);
                case OTHER_COMPANY -> TestTokens.company(other);
                case PARTNER -> TestTokens.partner(other);
            };
        }
    }

    /**
     * @param endpoint   what is called, e.g. "PUT /api/projects/{id}"
     * @param visibility of the object, or "-" where there is none yet
     * @param expected   a status per column of {@link Who}, in its order
     */
    public record Row(String endpoint, String visibility, int... expected) {

        public Row {
            if (expected.length != Who.values().length) {
                throw new IllegalArgumentException(endpoint + " " + visibility + ": " + expected.length
                        + " statuses for " + Who.values().length + " callers");
            }
        }
    }

    public static Row row(String endpoint, String visibility, int... expected) {
        return new Row(endpoint, visibility, expected);
    }

    private AccessMatrix() {
    }

    /**
     * Runs every cell and asserts that each answered as the table says.
     *
     * @param call answers the status one caller gets for one row
     */
    public static void verify(List<Row> rows, ToIntBiFunction<Row, Who> call) {
        StringBuilder table = new StringBuilder();
        List<String> wrong = new ArrayList<>();
        table.append(String.format("%-58s %-9s", "endpoint", "object"));
        for (Who who : Who.values()) {
            table.append(String.format(" %15s", who));
        }
        table.append('\n');
        for (Row row : rows) {
            table.append(String.format("%-58s %-9s", row.endpoint(), row.visibility()));
            for (Who who : Who.values()) {
                int expected = row.expected()[who.ordinal()];
                int actual = call.applyAsInt(row, who);
                table.append(String.format(" %15s", actual == expected ? String.valueOf(actual)
                        : actual + " (not " + expected + ")"));
                if (actual != expected) {
                    wrong.add(row.endpoint() + " " + row.visibility() + " as " + who + ": " + actual + ", not " + expected);
                }
            }
            table.append('\n');
        }
        assertThat(wrong).as("cells that answered otherwise than the table says:%n%s", table).isEmpty();
    }
}
