package se.samverka.reporting.annual;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.reporting.annual.export.CsvExport;
import se.samverka.reporting.annual.export.Language;
import se.samverka.reporting.annual.export.PdfExport;
import se.samverka.reporting.annual.export.XlsxExport;
import se.samverka.reporting.report.ReportFilter;
import se.samverka.reporting.report.ReportSource;

/**
 * The annual international report: as JSON, and as the files the coordinator hands on (CSV, XLSX, PDF), each in
 * Swedish or, with {@code lang=en}, in English. The filters {@code department}, {@code strategy} and {@code country}
 * narrow it like every report; the year is in the path.
 */
@RestController
@RequestMapping("/api/reports/annual")
class AnnualReportController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ReportSource source;
    private final AnnualReports reports;
    private final CsvExport csv;
    private final XlsxExport xlsx;
    private final PdfExport pdf;

    AnnualReportController(ReportSource source, AnnualReports reports, CsvExport csv, XlsxExport xlsx, PdfExport pdf) {
        this.source = source;
        this.reports = reports;
        this.csv = csv;
        this.xlsx = xlsx;
        this.pdf = pdf;
    }

    @GetMapping("/{year}")
    AnnualReport annual(@PathVariable int year, ReportFilter filter) {
        return report(year, filter);
    }

    /** @param table {@code projects} (the default) or {@code funding} */
    @GetMapping("/{year}.csv")
    ResponseEntity<byte[]> csv(@PathVariable int year, ReportFilter filter,
                               @RequestParam(defaultValue = "projects") String table,
                               @RequestParam(defaultValue = "sv") String lang) {
        Language language = Language.of(lang);
        AnnualReport report = report(year, filter);
        return switch (table) {
            case "projects" -> file(csv.projects(report, language), CSV, name(language, year, "file.projects", "csv"));
            case "funding" -> file(csv.funding(report, language), CSV, name(language, year, "file.funding", "csv"));
            default -> throw new InvalidRequestException("table", "reason.table");
        };
    }

    @GetMapping("/{year}.xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable int year, ReportFilter filter,
                                @RequestParam(defaultValue = "sv") String lang) {
        Language language = Language.of(lang);
        return file(xlsx.workbook(report(year, filter), language), XLSX, name(language, year, null, "xlsx"));
    }

    @GetMapping("/{year}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable int year, ReportFilter filter,
                               @RequestParam(defaultValue = "sv") String lang) {
        Language language = Language.of(lang);
        return file(pdf.document(report(year, filter), language), MediaType.APPLICATION_PDF,
                name(language, year, null, "pdf"));
    }

    /** internationell-arsrapport-2026-projekt.csv, international-annual-report-2026-projects.csv */
    private static String name(Language language, int year, String partKey, String extension) {
        String name = language.word("file.report", String.valueOf(year));
        return (partKey == null ? name : name + "-" + language.word(partKey)) + "." + extension;
    }

    private AnnualReport report(int year, ReportFilter filter) {
        return source.computed(List.of("annual", year, filter),
                counting -> reports.of(counting.snapshot(), counting.broker(), year, filter, counting.freshness()));
    }

    private static ResponseEntity<byte[]> file(byte[] content, MediaType type, String name) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }
}
