package se.samverka.reporting.annual.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    private static final XlsxExport EXPORT = new XlsxExport(AnnualReportFixture.names());

    private XSSFWorkbook workbook;

    @BeforeEach
    void readBack() throws IOException {
        byte[] file = EXPORT.workbook(AnnualReportFixture.ostersund2026(), Language.SV);
        workbook = new XSSFWorkbook(new ByteArrayInputStream(file));
    }

    @AfterEach
    void close() throws IOException {
        workbook.close();
    }

    @Test
    void hasTheSheetsInSwedish() {
        assertThat(IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName))
                .containsExactly("Nyckeltal", "Projekt", "Finansiering", "Förvaltningar", "Vänorter", "Introduktioner",
                        "Intressen", "Utlysningar");
    }

    @Test
    void everySheetHasABoldFrozenHeaderAndTheTablesAFilter() {
        for (Sheet sheet : workbook) {
            Cell first = sheet.getRow(0).getCell(0);
            assertThat(workbook.getFontAt(first.getCellStyle().getFontIndex()).getBold())
                    .as("bold header on %s", sheet.getSheetName()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).as("frozen on %s", sheet.getSheetName()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(0)).as("width on %s", sheet.getSheetName()).isGreaterThan(6 * 256);
        }
        for (String table : List.of("Projekt", "Finansiering", "Förvaltningar", "Vänorter", "Introduktioner",
                "Intressen", "Utlysningar")) {
            assertThat(((XSSFSheet) workbook.getSheet(table)).getCTWorksheet().isSetAutoFilter())
                    .as("filter on %s", table).isTrue();
        }
    }

    @Test
    void keyFiguresAreNumbers() {
        Sheet sheet = workbook.getSheet("Nyckeltal");

        assertThat(value(sheet, "År").getNumericCellValue()).isEqualTo(2026);
        assertThat(value(sheet, "Kommun").getStringCellValue()).isEqualTo(AnnualReportFixture.MUNICIPALITY);
        assertThat(value(sheet, "Projekt under året").getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(value(sheet, "Projekt under året").getNumericCellValue()).isEqualTo(5);
        Cell granted = value(sheet, "Beviljat under året (SEK)");
        assertThat(granted.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(granted.getNumericCellValue()).isEqualTo(2_990_000.50);
        assertThat(granted.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(value(sheet, "Genomsnittlig bedömningspoäng, öppna projekt").getNumericCellValue())
                .isEqualTo(63.8);
        Cell basis = value(sheet, "Underlaget till och med");
        assertThat(DateUtil.isCellDateFormatted(basis)).isTrue();
        assertThat(basis.getLocalDateTimeCellValue()).as("Swedish time").hasHour(14).hasMinute(5);
    }

    @Test
    void projectsHaveNumericAmountsAndRealDates() {
        Sheet sheet = workbook.getSheet("Projekt");
        List<String> headings = headings(sheet);
        Row arctic = sheet.getRow(1);

        assertThat(arctic.getCell(headings.indexOf("Akronym")).getStringCellValue()).isEqualTo("ARCTIC");
        Cell granted = arctic.getCell(headings.indexOf("Beviljat (SEK)"));
        assertThat(granted.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(granted.getNumericCellValue()).isEqualTo(1_250_000.50);
        assertThat(granted.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(arctic.getCell(headings.indexOf("Poäng")).getNumericCellValue()).isEqualTo(82.5);
        assertThat(arctic.getCell(headings.indexOf("Status")).getStringCellValue()).isEqualTo("Pågående");
        Cell from = arctic.getCell(headings.indexOf("Från"));
        assertThat(from.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(DateUtil.isCellDateFormatted(from)).isTrue();
        assertThat(from.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(sheet.getRow(2).getCell(headings.indexOf("Ägare")).getStringCellValue())
                .isEqualTo(AnnualReportFixture.SELENGE);

        Row vinter = sheet.getRow(5);
        assertThat(vinter.getCell(headings.indexOf("Till")).getCellType()).isEqualTo(CellType.BLANK);
        assertThat(sheet.getLastRowNum()).isEqualTo(AnnualReportFixture.projects().size());
    }

    @Test
    void fundingEndsWithTheBoldTotal() {
        Sheet sheet = workbook.getSheet("Finansiering");
        List<String> headings = headings(sheet);
        Row total = rows(sheet).stream().filter(row -> "Totalt".equals(row.getCell(0).getStringCellValue()))
                .findFirst().orElseThrow();

        Cell granted = total.getCell(headings.indexOf("Beviljat (SEK)"));
        assertThat(granted.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(granted.getNumericCellValue()).isEqualTo(2_990_000.50);
        assertThat(total.getCell(headings.indexOf("Antal rader")).getNumericCellValue()).isEqualTo(6);
        assertThat(workbook.getFontAt(granted.getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(sheet.getRow(1).getCell(headings.indexOf("År")).getNumericCellValue()).isEqualTo(2026);
        assertThat(sheet.getLastRowNum()).as("the header, five programme lines, three total lines").isEqualTo(8);
    }

    @Test
    void departmentsSayWhetherTheyHaveAnInternationalDimension() {
        Sheet sheet = workbook.getSheet("Förvaltningar");
        List<String> headings = headings(sheet);
        Row without = rows(sheet).stream()
                .filter(row -> AnnualReportFixture.DEPARTMENT_WITHOUT.equals(row.getCell(0).getStringCellValue()))
                .findFirst().orElseThrow();
        Row klf = sheet.getRow(2);

        assertThat(without.getCell(headings.indexOf("Internationell dimension")).getStringCellValue())
                .isEqualTo("Nej");
        assertThat(without.getCell(headings.indexOf("Öppna projekt")).getNumericCellValue()).isZero();
        assertThat(klf.getCell(headings.indexOf("Internationell dimension")).getStringCellValue()).isEqualTo("Ja");
        assertThat(klf.getCell(headings.indexOf("Aktiva partnerskap")).getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(klf.getCell(headings.indexOf("Aktiva partnerskap")).getNumericCellValue()).isEqualTo(2);
        assertThat(sheet.getLastRowNum()).isEqualTo(5);
    }

    @Test
    void twinCitiesNameTheCounterpartAndItsCountry() {
        Sheet sheet = workbook.getSheet("Vänorter");
        List<String> headings = headings(sheet);
        Row jilin = sheet.getRow(1);

        assertThat(jilin.getCell(headings.indexOf("Vänort")).getStringCellValue()).isEqualTo("Vänort Jilinprovinsen");
        assertThat(jilin.getCell(headings.indexOf("Motpart")).getStringCellValue())
                .as("the municipality itself is no counterpart").isEqualTo(AnnualReportFixture.JILIN);
        assertThat(jilin.getCell(headings.indexOf("Land")).getStringCellValue()).isEqualTo("Kina");
        assertThat(jilin.getCell(headings.indexOf("Status")).getStringCellValue()).isEqualTo("Aktivt");
        assertThat(jilin.getCell(headings.indexOf("Deltagare")).getNumericCellValue()).isEqualTo(45);
        Cell lastActivity = jilin.getCell(headings.indexOf("Senaste aktivitet"));
        assertThat(DateUtil.isCellDateFormatted(lastActivity)).isTrue();
        assertThat(lastActivity.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 20));
        assertThat(sheet.getRow(3).getCell(headings.indexOf("Status")).getStringCellValue()).isEqualTo("Inaktivt");
    }

    @Test
    void theBrokersIntroductionsArePerSectorThenTheBoldTotalThenPerPartnership() {
        Sheet sheet = workbook.getSheet("Introduktioner");
        List<String> headings = headings(sheet);

        assertThat(rows(sheet).stream().skip(1).map(row -> row.getCell(1).getStringCellValue()).toList())
                .containsExactly("Offentlig sektor", "Näringsliv", "Idéburen sektor", "Totalt", "Vänort Kajaani");
        Row total = sheet.getRow(4);
        Cell projects = total.getCell(headings.indexOf("Blev projekt"));
        assertThat(projects.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(projects.getNumericCellValue()).isEqualTo(2);
        assertThat(workbook.getFontAt(projects.getCellStyle().getFontIndex()).getBold()).isTrue();
        assertThat(total.getCell(headings.indexOf("Möte")).getNumericCellValue()).isEqualTo(3);
        assertThat(total.getCell(headings.indexOf("Inget resultat")).getNumericCellValue()).isEqualTo(1);
        Row kajaani = sheet.getRow(5);
        assertThat(kajaani.getCell(headings.indexOf("Indelning")).getStringCellValue()).isEqualTo("Partnerskap");
        assertThat(kajaani.getCell(headings.indexOf("Partnerskaps-id")).getStringCellValue()).isEqualTo("t-kajaani");
        assertThat(kajaani.getCell(headings.indexOf("Accepterade")).getNumericCellValue()).isEqualTo(2);
    }

    @Test
    void theBrokersInterestsAndCallsAreCounted() {
        Sheet interests = workbook.getSheet("Intressen");
        List<String> headings = headings(interests);
        assertThat(interests.getLastRowNum()).isEqualTo(6);
        assertThat(interests.getRow(2).getCell(headings.indexOf("Sektor")).getStringCellValue()).isEqualTo("Näringsliv");
        assertThat(interests.getRow(2).getCell(headings.indexOf("Öppna vid årets slut")).getNumericCellValue())
                .isEqualTo(4);
        Sheet calls = workbook.getSheet("Utlysningar");
        assertThat(calls.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Interreg Aurora");
        assertThat(calls.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2);
    }

    @Test
    void emptyYearStillGivesEverySheet() throws IOException {
        try (XSSFWorkbook empty = new XSSFWorkbook(new ByteArrayInputStream(
                EXPORT.workbook(AnnualReportFixture.empty(), Language.SV)))) {
            assertThat(empty.getNumberOfSheets()).isEqualTo(8);
            assertThat(empty.getSheet("Projekt").getLastRowNum()).isZero();
            assertThat(value(empty.getSheet("Nyckeltal"), "Genomsnittlig bedömningspoäng, öppna projekt")
                    .getCellType()).isEqualTo(CellType.BLANK);
        }
    }

    @Test
    void inEnglishTheSheetsHeadingsAndWordsAreEnglish() throws IOException {
        try (XSSFWorkbook english = new XSSFWorkbook(new ByteArrayInputStream(
                EXPORT.workbook(AnnualReportFixture.ostersund2026(), Language.EN)))) {
            assertThat(IntStream.range(0, english.getNumberOfSheets()).mapToObj(english::getSheetName))
                    .containsExactly("Key figures", "Projects", "Funding", "Departments", "Twin cities",
                            "Introductions", "Interests", "Calls");
            assertThat(value(english.getSheet("Key figures"), "Granted in the year (SEK)").getNumericCellValue())
                    .isEqualTo(2_990_000.50);
            Sheet projects = english.getSheet("Projects");
            assertThat(projects.getRow(1).getCell(headings(projects).indexOf("Status")).getStringCellValue())
                    .isEqualTo("Ongoing");
            Sheet twinCities = english.getSheet("Twin cities");
            List<String> headings = headings(twinCities);
            assertThat(twinCities.getRow(1).getCell(headings.indexOf("Counterpart")).getStringCellValue())
                    .as("the English name where the report has one").isEqualTo(AnnualReportFixture.JILIN_EN);
            assertThat(twinCities.getRow(1).getCell(headings.indexOf("Country")).getStringCellValue())
                    .isEqualTo("China");
            Sheet departments = english.getSheet("Departments");
            assertThat(departments.getRow(5).getCell(headings(departments).indexOf("International dimension"))
                    .getStringCellValue()).isEqualTo("No");
            assertThat(english.getSheet("Interests").getRow(2).getCell(1).getStringCellValue()).isEqualTo("Business");
        }
    }

    private static Cell value(Sheet sheet, String label) {
        return rows(sheet).stream().filter(row -> label.equals(row.getCell(0).getStringCellValue()))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + label)).getCell(1);
    }

    private static List<String> headings(Sheet sheet) {
        List<String> headings = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headings.add(cell.getStringCellValue()));
        return headings;
    }

    private static List<Row> rows(Sheet sheet) {
        List<Row> rows = new ArrayList<>();
        sheet.forEach(rows::add);
        return rows;
    }
}
