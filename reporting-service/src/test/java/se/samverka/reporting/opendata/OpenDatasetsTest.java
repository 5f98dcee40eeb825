package se.samverka.reporting.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The datasets from entries built by hand ({@link OpenDataFixture}), as CSV and JSON. */
class OpenDatasetsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    private final PublicRegister register = OpenDataFixture.register();

    @Test
    void theDatasetsAreTheFiveWithStableSnakeCaseColumnsEachMeaningSomethingInBothLanguages() {
        assertThat(OpenDataFixture.DATASETS.all()).extracting(Dataset::id)
                .containsExactly("projects", "partnerships", "organisations", "funding", "calls");
        for (Dataset<?> dataset : OpenDataFixture.DATASETS.all()) {
            assertThat(dataset.columns()).extracting(Column::name).doesNotHaveDuplicates()
                    .allMatch(name -> SNAKE_CASE.matcher(name).matches(), "snake_case");
            assertThat(dataset.columns()).allSatisfy(column -> {
                assertThat(column.meaning().sv()).as(column.name()).isNotBlank();
                assertThat(column.meaning().en()).as(column.name()).isNotBlank();
            });
        }
    }

    @Test
    void aProjectIsPublishedWithWhatItNamesThatIsPublicAndTheCountriesOfAll() {
        List<CSVRecord> rows = csv("projects");

        assertThat(rows.get(0).toList()).containsExactly("project_id", "acronym", "title", "title_en",
                "registration_number", "status", "status_sv", "status_since", "owner_organisation_id",
                "owner_organisation_name", "partner_organisation_ids", "countries", "partnership_ids", "strategies",
                "actions", "growth_areas", "themes", "sdgs", "planned_start", "planned_end", "actual_start",
                "actual_end", "last_changed_at");
        assertThat(rows).hasSize(2);
        Map<String, String> project = row(rows, 1);
        assertThat(project).containsEntry("project_id", "p-public")
                .containsEntry("title", "Vinterstaden")
                .containsEntry("registration_number", "KS 2025/12")
                .containsEntry("status", "ONGOING")
                .containsEntry("status_sv", "Pågående")
                .containsEntry("owner_organisation_id", "o-dept")
                .containsEntry("owner_organisation_name", "Kultur- och fritidsförvaltningen")
                // The company is not published, but its country is one of the project's.
                .containsEntry("partner_organisation_ids", "o-kajaani;o-forening")
                .containsEntry("countries", "FI;SE")
                .containsEntry("partnership_ids", "t-kajaani")
                .containsEntry("strategies", "S1;S3")
                .containsEntry("sdgs", "11;17")
                .containsEntry("planned_start", "2025-01-01")
                .containsEntry("actual_end", "")
                .containsEntry("last_changed_at", "2026-03-02T09:30:15Z");
    }

    @Test
    void theJsonHoldsEveryColumnOfEveryItemWithListsAsArraysAndTheLicence() {
        JsonNode document = json("projects");

        assertThat(document.path("dataset").asString()).isEqualTo("projects");
        assertThat(document.path("licence").asString()).isEqualTo("http://creativecommons.org/publicdomain/zero/1.0/");
        JsonNode project = document.path("items").get(0);
        assertThat(project.size()).isEqualTo(OpenDataFixture.DATASETS.byId("projects").orElseThrow().columns().size());
        assertThat(project.path("actual_end").isNull()).isTrue();
        assertThat(project.path("sdgs").isArray()).isTrue();
        assertThat(project.path("sdgs").get(1).isNumber()).isTrue();
        assertThat(project.path("sdgs").get(1).asInt()).isEqualTo(17);
        assertThat(project.path("countries").get(0).asString()).isEqualTo("FI");
        assertThat(project.path("planned_end").asString()).isEqualTo("2026-12-31");
        assertThat(document.path("items")).hasSize(1);
    }

    @Test
    void organisationsThatMightBePersonsAreLeftOut() {
        List<CSVRecord> rows = csv("organisations");

        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0))
                .containsExactly("o-dept", "o-forening", "o-kajaani", "o-kommun");
        Map<String, String> department = row(rows, 1);
        assertThat(department).containsEntry("type", "DEPARTMENT").containsEntry("type_sv", "Förvaltning")
                .containsEntry("sector", "PUBLIC").containsEntry("region", "SE-Z")
                .containsEntry("parent_organisation_id", "o-kommun").containsEntry("active", "true");
        JsonNode forening = json("organisations").path("items").get(1);
        assertThat(forening.path("active").isBoolean()).isTrue();
        assertThat(forening.path("active").asBoolean()).isFalse();
        assertThat(forening.path("sector").asString()).isEqualTo("SOCIAL_ECONOMY");
    }

    @Test
    void aPartnershipNamesItsPublicPartiesAndEveryPartysCountry() {
        Map<String, String> kajaani = row(csv("partnerships"), 1);

        assertThat(kajaani).containsEntry("partnership_id", "t-kajaani").containsEntry("type", "TWIN_CITY")
                .containsEntry("type_sv", "Vänort").containsEntry("status_sv", "Aktivt")
                .containsEntry("responsible_department_id", "o-dept")
                .containsEntry("party_organisation_ids", "o-dept;o-kajaani")
                .containsEntry("countries", "FI;NO;SE")
                .containsEntry("agreement_valid_to", "2030-12-31");
        assertThat(csv("partnerships")).hasSize(2);
    }

    @Test
    void fundingSumsThePublicLinesOfPublicProjectsPerProgrammeYearAndCurrency() {
        List<CSVRecord> rows = csv("funding");

        assertThat(IntStream.range(1, rows.size()).mapToObj(index -> row(rows, index)))
                .extracting(row -> tuple(row.get("programme"), row.get("year"), row.get("currency"),
                        row.get("funding_lines"), row.get("applied"), row.get("granted"), row.get("sek_per_unit"),
                        row.get("applied_sek"), row.get("granted_sek")))
                .containsExactly(
                        tuple("ERASMUS_PLUS", "2026", "NOK", "1", "200.00", "0.00", "", "", ""),
                        // 1000.50 EUR at 11.05 is 11055.525 SEK: to the öre, the even one.
                        tuple("INTERREG_AURORA", "2025", "EUR", "1", "1000.50", "800.00", "11.05", "11055.52",
                                "8840.00"));
        assertThat(row(rows, 2)).containsEntry("programme_name", "Interreg Aurora").containsEntry("projects", "1");
        JsonNode aurora = json("funding").path("items").get(1);
        assertThat(aurora.path("applied").isString()).as("exact decimals are strings").isTrue();
        assertThat(aurora.path("funding_lines").isNumber()).isTrue();
    }

    @Test
    void callsArePublicAndNotWithdrawn() {
        List<CSVRecord> rows = csv("calls");

        assertThat(rows).hasSize(2);
        assertThat(row(rows, 1)).containsEntry("call_id", "c-public").containsEntry("opens_on", "2026-03-01")
                .containsEntry("deadline", "2026-09-30").containsEntry("budget", "2000000.00")
                .containsEntry("budget_currency", "EUR").containsEntry("status", "PUBLISHED")
                .containsEntry("status_sv", "Publicerad")
                .containsEntry("url", "https://www.interreg-aurora.eu/call-3");
    }

    @Test
    void aDatasetChangedWhenTheNewestOfWhatItIsMadeOfDid() {
        assertThat(modified("projects")).isEqualTo(OpenDataFixture.PROJECT_CHANGED);
        assertThat(modified("funding")).isEqualTo(OpenDataFixture.PROJECT_CHANGED);
        assertThat(modified("partnerships")).isEqualTo(OpenDataFixture.PARTNERSHIP_CHANGED);
        assertThat(modified("organisations")).isEqualTo(OpenDataFixture.DIRECTORY_CHANGED);
        assertThat(modified("calls")).isEqualTo(OpenDataFixture.CALL_CHANGED);
    }

    @Test
    void theCsvQuotesWhatNeedsItAndIsUtf8WithoutAByteOrderMark() {
        Table table = new Table(List.of(new Table.Heading("name", Column.Type.TEXT)),
                List.of(List.of("Föreningen \"Vinter, liv\"\nÅre")));

        byte[] csv = table.csv();

        assertThat(csv[0]).isEqualTo((byte) 'n');
        assertThat(new String(csv, StandardCharsets.UTF_8))
                .isEqualTo("name\r\n\"Föreningen \"\"Vinter, liv\"\"\nÅre\"\r\n");
    }

    private Instant modified(String dataset) {
        return OpenDataFixture.DATASETS.byId(dataset).orElseThrow().modified().apply(register).orElseThrow();
    }

    private List<CSVRecord> csv(String dataset) {
        byte[] csv = OpenDataFixture.DATASETS.byId(dataset).orElseThrow().table(register).csv();
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)),
                CSVFormat.RFC4180)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A data row by the header row's names. */
    private static Map<String, String> row(List<CSVRecord> rows, int index) {
        List<String> names = rows.get(0).toList();
        List<String> values = rows.get(index).toList();
        return IntStream.range(0, names.size()).boxed()
                .collect(Collectors.toMap(names::get, values::get));
    }

    private JsonNode json(String dataset) {
        return JSON.readTree(OpenDataFixture.DATASETS.byId(dataset).orElseThrow().table(register)
                .json(dataset, Licence.CC0));
    }
}
