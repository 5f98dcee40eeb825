package se.samverka.reporting.readmodel;

import java.util.List;

/** Lists of descriptions that events published before the lists existed lack: the entries keep them empty. */
final class Lists {

    private Lists() {
    }

    static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
