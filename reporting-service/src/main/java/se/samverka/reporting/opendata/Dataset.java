package se.samverka.reporting.opendata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A dataset of the open data: what it is called and holds, its columns, and how its rows and its last change are read
 * from what is public.
 *
 * @param id       its name in the addresses, English and kebab-case
 * @param themes   codes of the EU's data themes (GOVE, INTR, ECON)
 * @param rows     its rows, in a stable order
 * @param modified when the newest of what it is made of last changed; empty while there is nothing
 */
public record Dataset<T>(
        String id,
        Bilingual title,
        Bilingual description,
        List<Bilingual> keywords,
        List<String> themes,
        List<Column<T>> columns,
        Function<PublicRegister, List<T>> rows,
        Function<PublicRegister, Optional<Instant>> modified) {

    public Dataset {
        keywords = List.copyOf(keywords);
        themes = List.copyOf(themes);
        columns = List.copyOf(columns);
    }

    /** Its rows from what is public, as values in the order of its columns. */
    public Table table(PublicRegister register) {
        List<List<Object>> values = rows.apply(register).stream()
                .map(row -> columns.stream().<Object>map(column -> column.value().apply(row)).toList())
                .toList();
        return new Table(columns.stream().map(column -> new Table.Heading(column.name(), column.type())).toList(),
                values);
    }
}
