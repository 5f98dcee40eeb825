package se.samverka.reporting.annual.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import se.samverka.reporting.annual.AnnualReport.ProjectRow;

class CsvExportTest {

    private static final byte[] BYTE_ORDER_MARK = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CsvExport export = new CsvExport(AnnualReportFixture.names());

    @Test
    void projectsFileIsUtf8WithByteOrderMarkSemicolonsAndCrlf() {
        byte[] file = export.projects(AnnualReportFixture.ostersund2026(), Language.SV);

        assertThat(file).startsWith(BYTE_ORDER_MARK);
        String text = text(file);
        assertThat(text).startsWith("Akronym;Titel;Diarienummer;Ägare;Status;Hälsa;Strategier;Insatsområden;Länder;"
                + "Program;Sökt (SEK);Beviljat (SEK);Utbetalt (SEK);Poäng;Från;Till;Projekt-id\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(text.split("\r\n")).hasSize(1 + AnnualReportFixture.projects().size());
    }

    @Test
    void projectsHaveDecimalCommaIsoDatesAndSwedishWords() throws IOException {
        List<CSVRecord> rows = parse(export.projects(AnnualReportFixture.ostersund2026(), Language.SV));

        CSVRecord arctic = rows.get(0);
        assertThat(arctic.get("Akronym")).isEqualTo("ARCTIC");
        assertThat(arctic.get("Sökt (SEK)")).isEqualTo("2400000,00");
        assertThat(arctic.get("Beviljat (SEK)")).isEqualTo("1250000,50");
        assertThat(arctic.get("Utbetalt (SEK)")).isEqualTo("600000,25");
        assertThat(arctic.get("Poäng")).isEqualTo("82,5");
        assertThat(arctic.get("Från")).isEqualTo("2025-03-01");
        assertThat(arctic.get("Till")).isEqualTo("2027-02-28");
        assertThat(arctic.get("Status")).isEqualTo("Pågående");
        assertThat(arctic.get("Hälsa")).isEqualTo("Enligt plan");
        assertThat(arctic.get("Strategier")).isEqualTo("S1, S3");
        assertThat(arctic.get("Länder")).isEqualTo("SE, NO, FI");
        assertThat(arctic.get("Projekt-id")).isEqualTo("p-arctic");

        CSVRecord selenge = rows.get(1);
        assertThat(selenge.get("Ägare")).isEqualTo(AnnualReportFixture.SELENGE);
        assertThat(selenge.get("Status")).isEqualTo("Beviljat");
        assertThat(selenge.get("Poäng")).isEqualTo("64");
        assertThat(rows.get(2).get("Titel")).as("the CSV keeps every script").isEqualTo("Skolutbyte Östersund–长春");

        CSVRecord vinter = rows.get(4);
        assertThat(vinter.get("Akronym")).isEmpty();
        assertThat(vinter.get("Hälsa")).isEmpty();
        assertThat(vinter.get("Poäng")).isEmpty();
        assertThat(vinter.get("Till")).isEmpty();
    }

    @Test
    void fieldWithSemicolonIsQuoted() throws IOException {
        byte[] file = export.projects(AnnualReportFixture.ostersund2026(), Language.SV);

        assertThat(text(file)).contains(";\"Nordkalottens kulturnätverk; fas 2\";");
        assertThat(parse(file).get(3).get("Titel")).isEqualTo("Nordkalottens kulturnätverk; fas 2");
    }

    @Test
    void textThatExcelWouldRunAsFormulaIsDefused() throws IOException {
        ProjectRow arctic = AnnualReportFixture.projects().get(0);
        ProjectRow formula = new ProjectRow("p-x", "X", "=HYPERLINK(\"http://example.org\")", "-1", "@owner",
                arctic.status(), arctic.health(), arctic.strategies(), arctic.growthAreas(), arctic.countries(),
                arctic.programmes(), new BigDecimal("-10.50"), arctic.grantedSek(), arctic.paidSek(), arctic.score(),
                arctic.from(), arctic.until());

        CSVRecord row = parse(export.projects(AnnualReportFixture.withProjects(List.of(formula)), Language.SV)).get(0);

        assertThat(row.get("Titel")).isEqualTo("'=HYPERLINK(\"http://example.org\")");
        assertThat(row.get("Diarienummer")).isEqualTo("'-1");
        assertThat(row.get("Ägare")).isEqualTo("'@owner");
        assertThat(row.get("Sökt (SEK)")).as("numbers stay numbers").isEqualTo("-10,50");
    }

    @Test
    void fundingHasALinePerProgrammeAndCurrencyAndTheTotalLast() throws IOException {
        byte[] file = export.funding(AnnualReportFixture.ostersund2026(), Language.SV);

        assertThat(file).startsWith(BYTE_ORDER_MARK);
        List<CSVRecord> rows = parse(file);
        assertThat(rows).extracting(row -> row.get("Program") + " " + row.get("Valuta")).containsExactly(
                "ERASMUS_PLUS EUR", "ICLD_MUNICIPAL_PARTNERSHIP SEK", "INTERREG_AURORA EUR", "INTERREG_AURORA SEK",
                "NORDIC_COUNCIL_OF_MINISTERS DKK", "Totalt DKK", "Totalt EUR", "Totalt SEK");

        CSVRecord aurora = rows.get(2);
        assertThat(aurora.get("Programnamn")).isEqualTo("Interreg Aurora");
        assertThat(aurora.get("År")).isEqualTo("2026");
        assertThat(aurora.get("Antal rader")).isEqualTo("2");
        assertThat(aurora.get("Beviljat (SEK)")).isEqualTo("1250000,50");
        assertThat(aurora.get("Beviljat (valuta)")).isEqualTo("50000,00");
        CSVRecord auroraInSek = rows.get(3);
        assertThat(auroraInSek.get("Antal rader")).isEmpty();
        assertThat(auroraInSek.get("Beviljat (SEK)")).isEmpty();
        assertThat(auroraInSek.get("Beviljat (valuta)")).isEqualTo("700000,50");

        CSVRecord total = rows.get(5);
        assertThat(total.get("Antal rader")).isEqualTo("6");
        assertThat(total.get("Sökt (SEK)")).isEqualTo("4300000,00");
        assertThat(total.get("Beviljat (SEK)")).isEqualTo("2990000,50");
        assertThat(total.get("Utbetalt (SEK)")).isEqualTo("1040000,25");
        assertThat(total.get("Egen insats (SEK)")).isEqualTo("460000,00");
        assertThat(rows.get(6).get("Beviljat (valuta)")).isEqualTo("140000,00");
        assertThat(rows.get(7).get("Beviljat (SEK)")).isEmpty();
    }

    @Test
    void summingASekColumnCountsEveryKronaOnce() throws IOException {
        List<CSVRecord> rows = parse(export.funding(AnnualReportFixture.ostersund2026(), Language.SV));

        BigDecimal granted = rows.stream().filter(row -> !"Totalt".equals(row.get("Program")))
                .map(row -> row.get("Beviljat (SEK)")).filter(field -> !field.isEmpty())
                .map(field -> new BigDecimal(field.replace(',', '.'))).reduce(BigDecimal.ZERO, BigDecimal::add);

        assertThat(granted).isEqualTo(AnnualReportFixture.GRANTED_TOTAL);
    }

    @Test
    void emptyYearGivesTheHeaderAndTheTotal() throws IOException {
        assertThat(parse(export.projects(AnnualReportFixture.empty(), Language.SV))).isEmpty();
        List<CSVRecord> funding = parse(export.funding(AnnualReportFixture.empty(), Language.SV));
        assertThat(funding).singleElement().satisfies(total -> {
            assertThat(total.get("Program")).isEqualTo("Totalt");
            assertThat(total.get("Beviljat (SEK)")).isEqualTo("0,00");
        });
    }

    @Test
    void inEnglishTheFileHasCommasDecimalPointsAndEnglishWords() throws IOException {
        byte[] file = export.projects(AnnualReportFixture.ostersund2026(), Language.EN);

        assertThat(file).startsWith(BYTE_ORDER_MARK);
        assertThat(text(file)).startsWith("Acronym,Title,Registration number,Owner,Status,Health,Strategies,"
                + "Growth areas,Countries,Programmes,Applied (SEK),Granted (SEK),Paid (SEK),Score,From,Until,"
                + "Project id\r\n");
        CSVRecord arctic = parse(file, ',').get(0);
        assertThat(arctic.get("Granted (SEK)")).isEqualTo("1250000.50");
        assertThat(arctic.get("Score")).isEqualTo("82.5");
        assertThat(arctic.get("Status")).isEqualTo("Ongoing");
        assertThat(arctic.get("Health")).isEqualTo("On track");
        assertThat(arctic.get("Strategies")).as("a field with a comma is quoted").isEqualTo("S1, S3");
        assertThat(text(file)).contains(",\"S1, S3\",");
    }

    @Test
    void inEnglishTheFundingNamesTheProgrammesAndTheTotalInEnglish() throws IOException {
        List<CSVRecord> rows = parse(export.funding(AnnualReportFixture.ostersund2026(), Language.EN), ',');

        assertThat(rows.get(1).get("Programme name")).isEqualTo("ICLD Municipal Partnership");
        CSVRecord total = rows.get(5);
        assertThat(total.get("Programme")).isEqualTo("Total");
        assertThat(total.get("Own contribution (SEK)")).isEqualTo("460000.00");
    }

    private static String text(byte[] file) {
        return new String(file, 3, file.length - 3, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(byte[] file) throws IOException {
        return parse(file, ';');
    }

    private static List<CSVRecord> parse(byte[] file, char delimiter) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text(file)), format)) {
            return parser.getRecords();
        }
    }
}
