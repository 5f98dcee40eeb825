package se.samverka.reporting.annual.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import se.samverka.reporting.annual.AnnualReport;
import se.samverka.reporting.report.Names;

/**
 * The annual report as an Excel workbook, for the coordinator to sort, filter and sum further: the key figures, the
 * projects, the funding (laid out as in {@link CsvExport}, with the total last), the departments' coverage, the
 * twin cities and the international broker's introductions, interests and calls, each on a sheet of its own, its
 * name, headings and words in Swedish or English. Numbers are numeric cells, amounts formatted {@code #,##0.00}
 * (Excel shows the separators of its reader's language), dates real date cells; every sheet has a bold, frozen
 * header row, and the tables an auto-filter.
 *
 * <p>XSSF rather than the streaming SXSSF: a municipality's year is some hundred rows, which XSSF holds in memory
 * with ease and without SXSSF's temporary files.
 */
@Component
public class XlsxExport {

    private static final int MAX_WIDTH_CHARS = 60;
    private static final int MIN_WIDTH_CHARS = 6;
    /** Room for the auto-filter's button beside a heading. */
    private static final int FILTER_BUTTON_CHARS = 3;

    private final Names names;

    public XlsxExport(Names names) {
        this.names = names;
    }

    public byte[] workbook(AnnualReport report, Language language) {
        Words words = new Words(language, names);
        Tables tables = new Tables(words);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            keyFigures(workbook.createSheet(words.get("sheet.key-figures")), styles, words, tables, report);
            table(workbook.createSheet(words.get("sheet.projects")), styles, words, tables.projects(),
                    report.projects(), row -> false);
            table(workbook.createSheet(words.get("sheet.funding")), styles, words, tables.funding(),
                    tables.fundingLines(report.funding()), Tables.FundingLine::total);
            table(workbook.createSheet(words.get("sheet.departments")), styles, words, tables.departments(),
                    report.coverage().departments(), department -> false);
            table(workbook.createSheet(words.get("sheet.twin-cities")), styles, words,
                    tables.twinCities(report.municipality()), report.twinCities().partnerships(), twinCity -> false);
            table(workbook.createSheet(words.get("sheet.introductions")), styles, words, tables.introductions(),
                    tables.introductionLines(report.broker()), Tables.IntroductionLine::total);
            table(workbook.createSheet(words.get("sheet.interests")), styles, words, tables.interests(),
                    report.broker().interests().rows(), row -> false);
            table(workbook.createSheet(words.get("sheet.calls")), styles, words, tables.calls(),
                    report.broker().calls().programmes(), row -> false);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the workbook", e);
        }
    }

    /** Label and value, one key figure a row, with the year and what the figures are based on first and last. */
    private static void keyFigures(Sheet sheet, Styles styles, Words words, Tables tables, AnnualReport report) {
        String labelHeading = words.get("column.key-figure");
        String valueHeading = words.get("column.value");
        header(sheet, styles, List.of(labelHeading, valueHeading));
        int[] widths = {labelHeading.length(), valueHeading.length()};
        int rowIndex = 1;
        List<Tables.Figure> figures = new ArrayList<>();
        figures.add(new Tables.Figure(words.get("figure.year"), Column.Kind.COUNT, report.year()));
        figures.add(new Tables.Figure(words.get("figure.municipality"), Column.Kind.TEXT, report.municipality()));
        figures.addAll(tables.keyFigures(report));
        figures.add(new Tables.Figure(words.get("figure.basis"), Column.Kind.TIME,
                report.freshness().lastEventTime()));
        figures.add(new Tables.Figure(words.get("figure.compiled"), Column.Kind.TIME, report.freshness().asOf()));
        for (Tables.Figure figure : figures) {
            Row row = sheet.createRow(rowIndex++);
            Cell label = row.createCell(0);
            label.setCellValue(figure.label());
            label.setCellStyle(styles.plain.get(Column.Kind.TEXT));
            value(row.createCell(1), figure.kind(), figure.value(), styles.plain);
            widths[0] = Math.max(widths[0], figure.label().length());
            widths[1] = Math.max(widths[1], shownLength(words, figure.kind(), figure.value()));
        }
        sheet.createFreezePane(0, 1);
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, width(widths[column]));
        }
    }

    private static <R> void table(Sheet sheet, Styles styles, Words words, List<Column<R>> columns, List<R> rows,
                                  Predicate<R> emphasised) {
        header(sheet, styles, columns.stream().map(Column::heading).toList());
        int[] widths = columns.stream().mapToInt(column -> column.heading().length() + FILTER_BUTTON_CHARS).toArray();
        int rowIndex = 1;
        for (R row : rows) {
            Row cells = sheet.createRow(rowIndex++);
            Map<Column.Kind, CellStyle> style = emphasised.test(row) ? styles.bold : styles.plain;
            for (int column = 0; column < columns.size(); column++) {
                Object value = columns.get(column).of(row);
                Column.Kind kind = columns.get(column).kind();
                value(cells.createCell(column), kind, value, style);
                widths[column] = Math.max(widths[column], shownLength(words, kind, value));
            }
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(rowIndex - 1, 1), 0, columns.size() - 1));
        for (int column = 0; column < widths.length; column++) {
            sheet.setColumnWidth(column, width(widths[column]));
        }
    }

    private static void header(Sheet sheet, Styles styles, List<String> headings) {
        Row row = sheet.createRow(0);
        for (int column = 0; column < headings.size(); column++) {
            Cell cell = row.createCell(column);
            cell.setCellValue(headings.get(column));
            cell.setCellStyle(styles.header);
        }
    }

    /** A cell of the value's own type; an empty one, still styled, where there is no value. */
    private static void value(Cell cell, Column.Kind kind, Object value, Map<Column.Kind, CellStyle> styles) {
        cell.setCellStyle(styles.get(kind));
        if (value == null) {
            return;
        }
        switch (kind) {
            case TEXT -> cell.setCellValue(value.toString());
            case COUNT, AMOUNT, DECIMAL -> cell.setCellValue(((Number) value).doubleValue());
            case DATE -> cell.setCellValue((LocalDate) value);
            case TIME -> cell.setCellValue(Words.local((Instant) value));
        }
    }

    /** About how many characters Excel shows for a value, as POI's own autosizing needs fonts a server lacks. */
    private static int shownLength(Words words, Column.Kind kind, Object value) {
        if (value == null) {
            return 0;
        }
        return switch (kind) {
            case TEXT -> value.toString().length();
            case COUNT -> words.count(((Number) value).longValue()).length();
            case AMOUNT -> words.amount((BigDecimal) value).length();
            case DECIMAL -> words.decimal((Number) value).length();
            case DATE -> "2026-03-01".length();
            case TIME -> "2026-03-01 14:05".length();
        };
    }

    private static int width(int characters) {
        return Math.min(Math.max(characters + 2, MIN_WIDTH_CHARS), MAX_WIDTH_CHARS) * 256;
    }

    /** The workbook's cell styles, made once: Excel limits a workbook to some 64,000 of them. */
    private static final class Styles {

        private final CellStyle header;
        private final Map<Column.Kind, CellStyle> plain = new EnumMap<>(Column.Kind.class);
        private final Map<Column.Kind, CellStyle> bold = new EnumMap<>(Column.Kind.class);

        Styles(XSSFWorkbook workbook) {
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            for (Column.Kind kind : Column.Kind.values()) {
                plain.put(kind, style(workbook, kind, null));
                bold.put(kind, style(workbook, kind, boldFont));
            }
        }

        private static CellStyle style(XSSFWorkbook workbook, Column.Kind kind, Font font) {
            CellStyle style = workbook.createCellStyle();
            String format = switch (kind) {
                case TEXT -> "@";
                case COUNT -> "0";
                case AMOUNT -> "#,##0.00";
                case DECIMAL -> "0.0";
                case DATE -> "yyyy-mm-dd";
                case TIME -> "yyyy-mm-dd hh:mm";
            };
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            if (font != null) {
                style.setFont(font);
            }
            return style;
        }
    }
}
