package se.samverka.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.directory.Directory;
import tools.jackson.databind.JsonNode;

/** A portfolio kept in another system comes in whole: each project with its parts and its lifecycle, in one write. */
class ProjectImportIT extends ServiceIntegrationTest {

    private static final String IMPORTS = "/api/projects/imports";

    @Autowired
    Directory directory;

    /** The import's key in the system it comes from; every title here holds it, so a search finds just this test's. */
    private final String key = "diarie-" + UUID.randomUUID();
    private String department;
    private String twinCity;
    private String university;

    @BeforeEach
    void theDirectory() {
        Announcements announce = new Announcements(bootstrapServers(), directory);
        String municipality = announce.organisation("Östersunds kommun", "MUNICIPALITY", "SE", "SE-Z");
        department = announce.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z",
                municipality);
        twinCity = announce.organisation("Kajaani", "FOREIGN_CITY", "FI", null);
        university = announce.organisation("Mittuniversitetet", "UNIVERSITY", "SE", "SE-Z");
    }

    @Test
    void aProjectComesWithItsPartsAndItsStepsThroughTheLifecycle() {
        JsonNode imported = importing(List.of(ongoing(), Map.of("key", key + "-idea",
                "description", description("Idé om vänortsutbyte"))));

        JsonNode first = imported.path("projects").get(0);
        assertThat(first.path("key").asString()).isEqualTo(key);
        assertThat(first.path("created").asBoolean()).isTrue();
        assertThat(imported.path("projects").get(1).path("created").asBoolean()).isTrue();
        JsonNode project = api.get("/api/projects/" + first.path("id").asString()).body();
        assertThat(project.path("status").asString()).isEqualTo("ONGOING");
        assertThat(project.path("partners")).extracting(partner -> partner.path("organisationId").asString())
                .containsExactly(twinCity, university);
        assertThat(project.path("fundingLines").get(0).path("granted").path("amount").asString())
                .isEqualTo("400000.00");
        assertThat(project.path("indicators").get(0).path("latest").asString()).isEqualTo("12");
        assertThat(project.path("activities").get(0).path("country").asString()).isEqualTo("FI");
        assertThat(project.path("health").path("status").asString()).isEqualTo("AT_RISK");
        assertThat(project.path("assessment").path("criteria").get(0).path("explanation").asString())
                .as("assessed with its partners").contains("Mittuniversitetet");

        List<EventEnvelope> events = awaitEvents(ProjectContracts.PROJECTS, first.path("id").asString(),
                first.path("version").asInt());
        assertThat(events).extracting(EventEnvelope::sequence)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events).extracting(EventEnvelope::type).startsWith("se.samverka.project.registered",
                "se.samverka.project.partnerAdded", "se.samverka.project.partnerAdded",
                "se.samverka.project.fundingLineAdded").endsWith("se.samverka.project.assessed");
    }

    @Test
    void aFinishedProjectComesWithItsFinalReport() {
        Map<String, Object> closed = new HashMap<>(ongoing());
        Map<String, Object> description = new HashMap<>(description("Avslutat utbyte"));
        description.put("actualStart", "2023-01-10");
        description.put("actualEnd", "2024-12-20");
        closed.put("description", description);
        closed.put("finalReport", Map.of("submittedOn", "2025-02-01", "summary", "Målen nåddes"));
        closed.put("transitions", List.of(step("PRE_STUDY"), step("APPLICATION_DRAFT"), step("SUBMITTED"),
                step("APPROVED"), step("ONGOING"), step("FINAL_REPORTED"), step("CLOSED")));

        String id = importing(List.of(closed)).path("projects").get(0).path("id").asString();

        JsonNode project = api.get("/api/projects/" + id).body();
        assertThat(project.path("status").asString()).isEqualTo("CLOSED");
        assertThat(project.path("finalReport").path("summary").asString()).isEqualTo("Målen nåddes");
    }

    @Test
    void anImportSentAgainMakesOnlyWhatIsMissing() {
        JsonNode once = importing(List.of(ongoing())).path("projects").get(0);

        JsonNode again = importing(List.of(ongoing(), Map.of("key", key + "-b", "description",
                description("Ungdomsutbyte"))));

        JsonNode same = again.path("projects").get(0);
        assertThat(same.path("id").asString()).isEqualTo(once.path("id").asString());
        assertThat(same.path("created").asBoolean()).isFalse();
        assertThat(same.path("version").asLong()).isEqualTo(once.path("version").asLong());
        assertThat(again.path("projects").get(1).path("created").asBoolean()).isTrue();
        assertThat(api.get("/api/projects?q=" + key).body().path("totalItems").asInt())
                .as("the first project once, beside the new one").isEqualTo(2);
    }

    @Test
    void oneProjectRefusedRefusesTheImportNamingEachProblem() {
        Map<String, Object> fine = Map.of("key", key, "description", description("Klimatsamarbete"));
        Map<String, Object> unknownPartner = Map.of("key", key + "-2", "description", description("Skolutbyte"),
                "partners", List.of(Map.of("organisationId", "no-such", "role", "PARTNER")));
        Map<String, Object> skipsAStep = Map.of("key", key + "-3", "description", description("Idrottsutbyte"),
                "transitions", List.of(Map.of("to", "PRE_STUDY", "reason", "Beslut"),
                        Map.of("to", "ONGOING", "reason", "Start")));
        Map<String, Object> unknownProgramme = Map.of("key", key + "-4", "description", description("Kulturutbyte"),
                "fundingLines", List.of(Map.of("programme", "LOTTERY", "applied", money("5"))));

        JsonNode problem = api.refused(HttpMethod.POST, IMPORTS, null, Map.of("projects",
                List.of(fine, unknownPartner, skipsAStep, unknownProgramme, fine)), HttpStatus.UNPROCESSABLE_CONTENT);

        assertThat(problem.path("errors")).extracting(error -> error.path("field").asString())
                .containsExactlyInAnyOrder("projects[1].partners[0].organisationId", "projects[2].transitions[1].to",
                "projects[3].fundingLines[0].programme", "projects[4].key");
        // The directory here follows partnership-service: the reason says an organisation may still be on its way.
        assertThat(problem.path("errors")).filteredOn(error -> error.path("field").asString().endsWith("organisationId"))
                .singleElement().satisfies(error -> assertThat(error.path("reason").asString())
                        .isEqualTo("no organisation has the id 'no-such' here yet; one registered a moment ago takes "
                                + "a few seconds to arrive"));
        api.expectProblem(IMPORTS, Map.of("projects", List.of(fine, Map.of("key", key + "-5", "description",
                        description("Musikutbyte"), "fundingLines", List.of(Map.of("programme", "OWN_BUDGET",
                        "applied", money("-5")))))), HttpStatus.UNPROCESSABLE_CONTENT,
                "projects[1].fundingLines[0].applied.amount");
        assertThat(api.get("/api/projects?q=" + key).body().path("items")).as("nothing written").isEmpty();
    }

    @Test
    void anImportIsBounded() {
        api.expectProblem(IMPORTS, Map.of("projects", List.of()), HttpStatus.UNPROCESSABLE_CONTENT, "projects");
        List<Map<String, Object>> tooMany = IntStream.range(0, 201)
                .mapToObj(i -> Map.<String, Object>of("key", "k" + i, "description", description("P" + i))).toList();
        api.expectProblem(IMPORTS, Map.of("projects", tooMany), HttpStatus.UNPROCESSABLE_CONTENT, "projects");
        api.expectProblem(IMPORTS, Map.of("projects", List.of(Map.of("key", " ", "description",
                description("Utan nyckel")))), HttpStatus.UNPROCESSABLE_CONTENT, "projects[0].key");
    }

    /** A project well under way: partners, money granted, an indicator reported on, an activity, and at risk. */
    private Map<String, Object> ongoing() {
        Map<String, Object> description = new HashMap<>(description("Vänortsprojekt " + key));
        description.put("actualStart", "2025-09-01");
        return Map.of("key", key, "description", description,
                "partners", List.of(Map.of("organisationId", twinCity, "role", "PARTNER"),
                        Map.of("organisationId", university, "role", "ASSOCIATED")),
                "fundingLines", List.of(Map.of("programme", "INTERREG_AURORA", "applied", money("500000"),
                        "granted", money("400000"), "decidedOn", "2025-06-12")),
                "indicators", List.of(Map.of("definition", Map.of("kind", "OUTPUT", "name", "Utbyten", "unit", "st",
                        "baseline", 0, "target", 40), "reports", List.of(Map.of("reportedOn", "2026-06-30",
                        "value", 12)))),
                "activities", List.of(Map.of("type", "STUDY_VISIT", "title", "Studiebesök i Kajaani",
                        "heldOn", "2025-10-14", "country", "FI")),
                "transitions", List.of(step("PRE_STUDY"), step("APPLICATION_DRAFT"), step("SUBMITTED"),
                        step("APPROVED"), step("ONGOING")),
                "health", Map.of("status", "AT_RISK", "note", "Partnern har bytt kontaktperson"));
    }

    private Map<String, Object> description(String title) {
        return Map.of("title", title + " " + key, "ownerOrganisationId", department, "visibility", "INTERNAL");
    }

    private static Map<String, Object> step(String to) {
        return Map.of("to", to, "reason", "Enligt diariet");
    }

    private static Map<String, Object> money(String amount) {
        return Map.of("amount", amount, "currency", "SEK");
    }

    private JsonNode importing(List<Map<String, Object>> projects) {
        return api.change(HttpMethod.POST, IMPORTS, null, Map.of("projects", projects)).body();
    }
}
