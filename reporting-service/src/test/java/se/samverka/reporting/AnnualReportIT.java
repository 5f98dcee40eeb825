package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.reporting.History.money;
import static se.samverka.reporting.History.sek;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** The annual report of one department's year, as JSON and as the files in Swedish and English, each parsed back. */
class AnnualReportIT extends ReportingIntegrationTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private String department;
    private String water;

    @BeforeEach
    void aDepartmentsYear() {
        department = history.organisation("Teknik- och fastighetsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String selenge = history.organisation("Сэлэнгэ аймаг", "Selenge Aimag", "FOREIGN_REGION", "MN", "MN-049");
        water = history.project("Rent vatten i Sükhbaatar", department, List.of("S1"),
                List.of("ENVIRONMENT_DRIVEN_BUSINESS"), List.of(), LocalDate.of(2025, 2, 1), LocalDate.of(2027, 12, 31));
        history.partner(water, selenge, "PARTNER");
        history.fundingLine(water, "ICLD_MUNICIPAL_PARTNERSHIP", sek("1450000.00"), sek("1380000.50"), sek("920000.00"),
                sek("150000.00"), LocalDate.of(2026, 1, 10));
        history.fundingLine(water, "INTERREG_AURORA", money("1000.00", "EUR"), money("1000.00", "EUR"), null, null,
                LocalDate.of(2026, 2, 1));
        history.activity(water, "EXCHANGE", "Utbyte av drifttekniker", LocalDate.of(2026, 5, 10), 2, 4);
        history.status(water, "IDEA", "PRE_STUDY");
        history.assessed(water, 70, "MUNICIPAL_OPERATIONS");
        String old = history.project("Värdskap", department, List.of("S1"), List.of(), List.of(),
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31));
        history.status(old, "IDEA", "CANCELLED");
        awaitReport("/api/reports/annual/2026?department={d}",
                report -> report.path("keyFigures").path("activities").asLong() == 1
                        && report.path("projects").path(0).path("score").asDouble() == 70
                        && report.path("freshness").path("lagEvents").asLong(-1) == 0, department);
    }

    @Test
    void theYearsKeyFiguresAndTablesAreTheReportsOfThatYear() {
        JsonNode annual = report("/api/reports/annual/2026?department={d}", department);
        JsonNode figures = annual.path("keyFigures");
        assertThat(annual.path("municipality").asString()).isEqualTo("Östersunds kommun");
        assertThat(figures.path("projectsRunning").asLong()).as("Värdskap ended in 2023").isEqualTo(1);
        assertThat(figures.path("participants").asLong()).isEqualTo(6);
        assertThat(figures.path("countries").asLong()).isEqualTo(2);
        assertThat(figures.path("grantedSek").asString()).as("1380000.50 + 1000.00 EUR at 11.0000")
                .isEqualTo("1391000.50");
        assertThat(annual.path("projects").get(0).path("title").asString()).isEqualTo("Rent vatten i Sükhbaatar");
        assertThat(annual.path("projects").get(0).path("countries").toString()).isEqualTo("[\"SE\",\"MN\"]");
        assertThat(annual.path("funding").path("rows").size()).isEqualTo(2);
        assertThat(annual.path("broker").path("year").asInt()).as("the broker's year, for the whole municipality")
                .isEqualTo(2026);
        assertThat(annual.path("broker").path("introductions").path("sectors").size()).isGreaterThanOrEqualTo(3);
        assertThat(report("/api/reports/annual/2023?department={d}", department).path("keyFigures")
                .path("projectsRunning").asLong()).isEqualTo(1);
    }

    @Test
    void theCsvFilesOpenInSwedishExcelAndBadParametersAreRefused() throws IOException {
        byte[] projects = file("/api/reports/annual/2026.csv?department=" + department, "text/csv",
                "internationell-arsrapport-2026-projekt.csv");
        assertThat(projects).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = csv(projects);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("Titel")).isEqualTo("Rent vatten i Sükhbaatar");
        assertThat(rows.get(0).get("Beviljat (SEK)")).isEqualTo("1391000,50");
        assertThat(rows.get(0).get("Projekt-id")).isEqualTo(water);

        List<CSVRecord> funding = csv(file("/api/reports/annual/2026.csv?table=funding&lang=sv&department="
                + department, "text/csv", "internationell-arsrapport-2026-finansiering.csv"));
        CSVRecord total = funding.stream().filter(row -> "Totalt".equals(row.get("Program"))).findFirst().orElseThrow();
        assertThat(total.get("Beviljat (SEK)")).as("the total's first line carries the SEK sums").isEqualTo("1391000,50");
        expectRefused("/api/reports/annual/2026.csv?table=everything", HttpStatus.UNPROCESSABLE_CONTENT, "table");
        for (String file : List.of("2026.csv", "2026.xlsx", "2026.pdf")) {
            expectRefused("/api/reports/annual/" + file + "?lang=de", HttpStatus.UNPROCESSABLE_CONTENT, "lang");
        }
    }

    @Test
    void everyFileIsInEnglishWithLangEn() throws IOException {
        byte[] projects = file("/api/reports/annual/2026.csv?lang=en&department=" + department, "text/csv",
                "international-annual-report-2026-projects.csv");
        CSVRecord water = csv(projects, ',').get(0);
        assertThat(water.get("Title")).isEqualTo("Rent vatten i Sükhbaatar");
        assertThat(water.get("Status")).isEqualTo("Pre-study");
        assertThat(water.get("Granted (SEK)")).isEqualTo("1391000.50");
        assertThat(csv(file("/api/reports/annual/2026.csv?table=funding&lang=en&department=" + department,
                "text/csv", "international-annual-report-2026-funding.csv"), ',')).extracting(row -> row.get("Programme"))
                .contains("Total");

        try (XSSFWorkbook excel = new XSSFWorkbook(new ByteArrayInputStream(file("/api/reports/annual/2026.xlsx?lang=en"
                + "&department=" + department, XLSX, "international-annual-report-2026.xlsx")))) {
            assertThat(excel.getSheetName(0)).isEqualTo("Key figures");
            assertThat(column(excel.getSheet("Projects").getRow(0), "Granted (SEK)")).isPositive();
        }

        try (PDDocument document = Loader.loadPDF(file("/api/reports/annual/2026.pdf?lang=en&department="
                + department, "application/pdf", "international-annual-report-2026.pdf"))) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en");
            assertThat(document.getDocumentInformation().getTitle())
                    .isEqualTo("International annual report 2026 – Östersunds kommun");
            assertThat(new PDFTextStripper().getText(document).replace('\u00A0', ' '))
                    .contains("Granted in the year (SEK) 1,391,000.50", "Pre-study");
        }
    }


    @Test
    void theWorkbookHoldsEveryTableAsNumbers() throws IOException {
        byte[] workbook = file("/api/reports/annual/2026.xlsx?department=" + department, XLSX,
                "internationell-arsrapport-2026.xlsx");
        try (XSSFWorkbook excel = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(List.of(excel.getSheetName(0), excel.getSheetName(1), excel.getSheetName(2)))
                    .containsExactly("Nyckeltal", "Projekt", "Finansiering");
            Sheet projects = excel.getSheet("Projekt");
            Row header = projects.getRow(0);
            int granted = column(header, "Beviljat (SEK)");
            assertThat(projects.getRow(1).getCell(column(header, "Titel")).getStringCellValue())
                    .isEqualTo("Rent vatten i Sükhbaatar");
            assertThat(projects.getRow(1).getCell(granted).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(projects.getRow(1).getCell(granted).getNumericCellValue()).isEqualTo(1391000.50);
        }
    }

    @Test
    void thePdfIsTheAnnualReportForTheCouncil() throws IOException {
        byte[] pdf = file("/api/reports/annual/2026.pdf?department=" + department, "application/pdf",
                "internationell-arsrapport-2026.pdf");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("sv");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Internationell årsrapport 2026", "Östersunds kommun", "Rent vatten i Sükhbaatar");
            assertThat(text.replace('\u00A0', ' ')).contains("Beviljat under året (SEK) 1 391 000,50",
                    "Länder som samarbetet når (Sverige inräknat) 2");
        }
    }

    private byte[] file(String uri, String type, String name) {
        var result = api.http().get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(type))
                .expectHeader().value("Content-Disposition", disposition -> assertThat(disposition)
                        .startsWith("attachment").contains("filename=\"" + name + "\""))
                .returnResult(byte[].class);
        return result.getResponseBody();
    }

    private static List<CSVRecord> csv(byte[] file) throws IOException {
        return csv(file, ';');
    }

    private static List<CSVRecord> csv(byte[] file, char delimiter) throws IOException {
        String text = new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            return parser.getRecords();
        }
    }

    private static int column(Row header, String name) {
        for (int i = 0; i < header.getLastCellNum(); i++) {
            if (name.equals(header.getCell(i).getStringCellValue())) {
                return i;
            }
        }
        throw new AssertionError("no column " + name);
    }
}
