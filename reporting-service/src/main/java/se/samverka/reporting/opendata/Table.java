package se.samverka.reporting.opendata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dataset's rows, each value as its column reads it, written as CSV or JSON (see {@link Column.Type} for how each
 * kind of value is written).
 */
public record Table(List<Heading> headings, List<List<Object>> rows) {

    /** RFC 4180: comma, CRLF, quotes where needed; a header row; UTF-8 without a byte order mark. */
    private static final CSVFormat CSV = CSVFormat.RFC4180;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What separates the items of a list in a CSV cell. */
    private static final String LIST_SEPARATOR = ";";

    public record Heading(String name, Column.Type type) {
    }

    public byte[] csv() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSV)) {
            printer.printRecord(headings.stream().map(Heading::name).toList());
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>(row.size());
                for (Object value : row) {
                    cells.add(cell(value));
                }
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code {"dataset": id, "licence": IRI, "items": [{column: value, ...}, ...]}}, every column in every item. */
    public byte[] json(String dataset, Licence licence) {
        List<Map<String, Object>> items = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> item = new LinkedHashMap<>();
            for (int i = 0; i < headings.size(); i++) {
                item.put(headings.get(i).name(), json(row.get(i)));
            }
            items.add(item);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("dataset", dataset);
        document.put("licence", licence.iri().value());
        document.put("items", items);
        return JSON.writeValueAsBytes(document);
    }

    private static String cell(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Table::cell).collect(Collectors.joining(LIST_SEPARATOR));
        }
        return value == null ? "" : scalar(value).toString();
    }

    private static Object json(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(Table::json).toList();
        }
        if (value == null || value instanceof Number && !(value instanceof BigDecimal) || value instanceof Boolean) {
            return value;
        }
        return scalar(value).toString();
    }

    /** Exact decimals without exponent, instants to the second in UTC; dates are ISO 8601 as they are. */
    private static Object scalar(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Instant instant) {
            return instant.truncatedTo(ChronoUnit.SECONDS);
        }
        return value;
    }
}
