package se.samverka.reporting.annual.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.stereotype.Component;
import se.samverka.reporting.annual.AnnualReport;
import se.samverka.reporting.report.Names;

/**
 * The annual report's tables as CSV files that Excel opens with a double click, in Swedish or in English: UTF-8 with
 * a byte order mark (without it Excel reads the file as Windows-1252 and garbles å, ä and ö), CRLF line ends and
 * RFC 4180 quoting where a field needs it. In Swedish the fields are separated by semicolons (Swedish Excel's list
 * separator, since the comma is the decimal sign) and numbers have a decimal comma (1250000,50); in English by commas,
 * with a decimal point (1250000.50); never a thousands separator. Dates are ISO (2026-03-01), times are Swedish local
 * time (2026-03-01 14:05); the header row and the codes' words are in the file's language.
 *
 * <p>The funding file has one line per programme, year and currency its amounts were given in. A programme and
 * year's first line carries its number of funding lines and its sums in SEK; further lines, for its other currencies,
 * leave those cells empty, so that summing a SEK column counts every krona once, and filtering on Valuta (Currency)
 * shows what was applied for, granted and paid in each currency. The last lines, marked Totalt (Total), are the
 * year's total in the same way.
 *
 * <p>A text that starts like a formula (=, +, -, @) is written with an apostrophe before it: the texts come from
 * what people typed, and Excel would otherwise run such a text as a formula.
 */
@Component
public class CsvExport {

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    private final Names names;

    public CsvExport(Names names) {
        this.names = names;
    }

    /** The year's projects, one line each. */
    public byte[] projects(AnnualReport report, Language language) {
        Words words = new Words(language, names);
        return csv(words, new Tables(words).projects(), report.projects());
    }

    /** The year's funding per programme and year, in SEK and in each original currency, with the total last. */
    public byte[] funding(AnnualReport report, Language language) {
        Words words = new Words(language, names);
        Tables tables = new Tables(words);
        return csv(words, tables.funding(), tables.fundingLines(report.funding()));
    }

    private static <R> byte[] csv(Words words, List<Column<R>> columns, List<R> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CSVFormat format = FORMAT.builder().setDelimiter(words.language() == Language.SV ? ';' : ',').get();
        try (Writer writer = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            writer.write(BYTE_ORDER_MARK);
            printer.printRecord(columns.stream().map(Column::heading));
            for (R row : rows) {
                List<String> fields = new ArrayList<>(columns.size());
                columns.forEach(column -> fields.add(field(words, column.kind(), column.of(row))));
                printer.printRecord(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CSV file", e);
        }
        return bytes.toByteArray();
    }

    private static String field(Words words, Column.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case TEXT -> safeText(value.toString());
            case COUNT, AMOUNT, DECIMAL -> words.plain((Number) value);
            case DATE -> value.toString();
            case TIME -> Words.shortTime((Instant) value);
        };
    }

    private static String safeText(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
