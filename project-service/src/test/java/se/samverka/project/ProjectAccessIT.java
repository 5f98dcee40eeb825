package se.samverka.project;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.platform.test.AccessMatrix.CREATED;
import static se.samverka.platform.test.AccessMatrix.HIDDEN;
import static se.samverka.platform.test.AccessMatrix.NO;
import static se.samverka.platform.test.AccessMatrix.NONE;
import static se.samverka.platform.test.AccessMatrix.OK;
import static se.samverka.platform.test.AccessMatrix.row;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import se.samverka.platform.test.AccessMatrix;
import se.samverka.platform.test.AccessMatrix.Row;
import se.samverka.platform.test.AccessMatrix.Who;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import se.samverka.project.directory.Directory;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what to a project (docs/architecture.md §4): every endpoint, every role, the owner's organisation or another one,
 * an internal project and a shared one. What a caller may not read answers 404, as if it did not exist; what it may
 * read but not change answers 403; a change without a token answers 401. A list leaves out what the caller may not
 * read: there the table writes 404 for "not listed".
 */
class ProjectAccessIT extends ServiceIntegrationTest {

    // @formatter:off
    private static final List<Row> MATRIX = List.of(
        //  endpoint                                                  object      anonymous admin  staff    staff    company  other    partner
        //                                                                                         of owner of other owner    company
        row("GET /api/projects/{id}",                                 "INTERNAL", HIDDEN,  OK,     OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/projects/{id}",                                 "COUNTY",   HIDDEN,  OK,     OK,      OK,      OK,      HIDDEN,  OK),
        row("GET /api/projects/{id}",                                 "PUBLIC",   OK,      OK,     OK,      OK,      OK,      OK,      OK),
        row("GET /api/projects?q= (listed)",                          "INTERNAL", HIDDEN,  OK,     OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/projects?q= (listed)",                          "COUNTY",   HIDDEN,  OK,     OK,      OK,      OK,      HIDDEN,  OK),
        row("GET /api/projects?q= (listed)",                          "PUBLIC",   OK,      OK,     OK,      OK,      OK,      OK,      OK),
        row("POST /api/projects (owner: the column's organisation)",  "-",        NONE,    CREATED, CREATED, CREATED, CREATED, CREATED, NO),
        row("POST /api/projects (owner: the object's owner)",         "-",        NONE,    CREATED, CREATED, NO,     CREATED, NO,      NO),
        row("POST /api/projects/imports (owner: the column's organisation)", "-", NONE,   OK,     OK,      OK,      OK,      OK,      NO),
        row("POST /api/projects/imports (owner: the object's owner)", "-",        NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("PUT /api/projects/{id}",                                 "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/projects/{id}",                                 "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("POST /api/projects/{id}/partners",                       "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/projects/{id}/partners",                       "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("DELETE /api/projects/{id}/partners/{partner}",           "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("DELETE /api/projects/{id}/partners/{partner}",           "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("POST /api/projects/{id}/funding-lines",                  "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/projects/{id}/funding-lines",                  "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("PUT /api/projects/{id}/funding-lines/{line}",            "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/projects/{id}/funding-lines/{line}",            "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("DELETE /api/projects/{id}/funding-lines/{line}",         "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("DELETE /api/projects/{id}/funding-lines/{line}",         "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("POST /api/projects/{id}/indicators",                     "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/projects/{id}/indicators",                     "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("PUT /api/projects/{id}/indicators/{indicator}",          "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/projects/{id}/indicators/{indicator}",          "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("POST /api/projects/{id}/indicators/{indicator}/reports", "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/projects/{id}/indicators/{indicator}/reports", "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("POST /api/projects/{id}/activities",                     "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/projects/{id}/activities",                     "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("PUT /api/projects/{id}/activities/{activity}",           "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/projects/{id}/activities/{activity}",           "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("DELETE /api/projects/{id}/activities/{activity}",        "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("DELETE /api/projects/{id}/activities/{activity}",        "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("PUT /api/projects/{id}/final-report",                    "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/projects/{id}/final-report",                    "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("PUT /api/projects/{id}/health",                          "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/projects/{id}/health",                          "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO),
        row("POST /api/projects/{id}/transitions",                    "INTERNAL", NONE,    OK,     OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/projects/{id}/transitions",                    "PUBLIC",   NONE,    OK,     OK,      NO,      OK,      NO,      NO));
    // @formatter:on

    /** What a project's history holds of the people who used Samverka: exported and erased by the coordinator alone. */
    // @formatter:off
    private static final List<Row> STAFF_PERSONAL_DATA = List.of(
        //  endpoint                                                  object      anonymous admin  staff    staff    company  other    partner
        //                                                                                         of owner of other owner    company
        row("GET /api/personal-data/staff?subject=&name=",           "-",        NONE,    OK,     NO,      NO,      NO,      NO,      NO),
        row("POST /api/personal-data/staff/erasure",                  "-",        NONE,    OK,     NO,      NO,      NO,      NO,      NO));
    // @formatter:on

    @Autowired
    Directory directory;

    private Announcements announce;
    private String owner;
    private String other;
    private String foreignCity;
    private String university;
    /** Objects that no cell may change, one per visibility: every refused call is made on these. */
    private final Map<String, Fixture> untouchable = new HashMap<>();

    @BeforeEach
    void theDirectory() {
        announce = new Announcements(bootstrapServers(), directory);
        String municipality = announce.organisation("Östersunds kommun", "MUNICIPALITY", "SE", "SE-Z");
        owner = announce.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z", municipality);
        other = announce.organisation("Teknisk förvaltning", "DEPARTMENT", "SE", "SE-Z", municipality);
        foreignCity = announce.organisation("Sanok", "FOREIGN_CITY", "PL", null);
        university = announce.organisation("Mittuniversitetet", "UNIVERSITY", "SE", "SE-Z");
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        AccessMatrix.verify(MATRIX, this::status);
        untouchable.values().forEach(fixture -> assertThat(api.get("/api/projects/" + fixture.id()).etag())
                .as("a refused call changes nothing").isEqualTo(fixture.etag()));
    }

    /** Refused callers ask about a person whose step stays in a history; the coordinator about someone else. */
    @Test
    void thePersonalDataOfStaffIsTheCoordinatorsAlone() {
        String subject = "staff." + UUID.randomUUID() + "@ostersund.se";
        String project = api.as(TestTokens.token().role("STAFF").organisation(owner).subject(subject).name("Bo Berg")
                .build()).create("/api/projects", description("INTERNAL", owner));

        AccessMatrix.verify(STAFF_PERSONAL_DATA, (row, who) -> {
            String token = who == Who.ANONYMOUS ? null : who.token(owner, other);
            String asked = row.expected()[who.ordinal()] < 300 ? "someone.else@ostersund.se" : subject;
            return row.endpoint().startsWith("GET")
                    ? call(token, HttpMethod.GET, "/api/personal-data/staff?subject=" + asked + "&name=Bo Berg", null,
                    null)
                    : call(token, HttpMethod.POST, "/api/personal-data/staff/erasure", null, Map.of("subject", asked,
                    "name", "Bo Berg", "replacement", "STAFF, Kultur- och fritidsförvaltningen"));
        });
        assertThat(api.get("/api/projects/" + project).body().path("history").get(0).path("by").asString())
                .as("a refused erasure changes nothing").isEqualTo("Bo Berg");
    }

    @Test
    void outsidersSeeNoInternalFields() {
        Map<String, Object> body = new HashMap<>(description("PUBLIC", owner));
        body.put("contactPersonIds", List.of(announce.contactPerson(owner)));
        Api.Resource project = api.created("/api/projects", body);
        String uri = "/api/projects/" + project.id();
        project = api.change(HttpMethod.POST, uri + "/funding-lines", project.etag(), Map.of("programme", "OWN_BUDGET",
                "applied", Map.of("amount", "100000", "currency", "SEK"), "internal", true));
        project = api.change(HttpMethod.POST, uri + "/funding-lines", project.etag(), Map.of("programme",
                "ERASMUS_PLUS", "applied", Map.of("amount", "5000", "currency", "EUR")));
        project = api.change(HttpMethod.PUT, uri + "/health", project.etag(), Map.of("status", "AT_RISK",
                "note", "Partnern har inte svarat sedan maj"));
        api.change(HttpMethod.POST, uri + "/transitions", project.etag(), Map.of("to", "PRE_STUDY",
                "reason", "Budgeten ska förhandlas internt"));

        JsonNode inside = api.as(TestTokens.staff(other)).get(uri).body();
        assertThat(inside.path("contactPersonIds")).hasSize(1);
        assertThat(inside.path("fundingLines")).hasSize(2);
        assertThat(inside.path("health").path("note").asString()).isEqualTo("Partnern har inte svarat sedan maj");
        assertThat(inside.path("allowedTransitions")).as("staff of another department read, not change").isEmpty();

        for (Api outsider : List.of(api.anonymous(), api.as(TestTokens.partner(university)),
                api.as(TestTokens.company(university)))) {
            JsonNode outside = outsider.get(uri).body();
            assertThat(outside.path("contactPersonIds")).isEmpty();
            assertThat(outside.path("fundingLines")).hasSize(1);
            assertThat(outside.path("fundingLines").get(0).path("programme").asString()).isEqualTo("ERASMUS_PLUS");
            assertThat(outside.path("fundingTotals").toString()).doesNotContain("SEK");
            assertThat(outside.path("health").path("status").asString()).isEqualTo("AT_RISK");
            assertThat(outside.path("health").path("note").isNull()).isTrue();
            assertThat(outside.path("history").get(1).path("to").asString()).isEqualTo("PRE_STUDY");
            assertThat(outside.path("history").get(1).path("reason").isNull()).isTrue();
            assertThat(outside.path("history").get(1).path("by").isNull()).isTrue();
            assertThat(outside.path("allowedTransitions")).isEmpty();
        }
    }

    @Test
    void aTokenThatIsNotGoodIsRefusedWhateverTheRequest() {
        Map<String, String> bad = Map.of(
                "expired", TestTokens.token().role("ADMIN").expired().build(),
                "for another audience", TestTokens.token().role("ADMIN").audience("another-api").build(),
                "from another issuer", TestTokens.token().role("ADMIN").issuer("http://elsewhere").build(),
                "signed by another key", TestTokens.token().role("ADMIN").signedByAnotherKey().build(),
                "not signed (alg none)", TestTokens.token().role("ADMIN").unsigned().build(),
                "not a token", "not-a-jwt");
        bad.forEach((why, token) -> {
            assertThat(api.as(token).status(HttpMethod.GET, "/api/projects", null, null)).as(why).isEqualTo(NONE);
            assertThat(api.as(token).status(HttpMethod.POST, "/api/projects", null, description("PUBLIC", owner)))
                    .as(why).isEqualTo(NONE);
        });
        assertThat(api.anonymous().status(HttpMethod.POST, "/api/projects", null, description("PUBLIC", owner)))
                .as("no token").isEqualTo(NONE);
        api.anonymous().http().post().uri("/api/projects").contentType(MediaType.APPLICATION_JSON)
                .body(description("PUBLIC", owner)).exchange()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer");
    }

    @Test
    void fieldsTheCallerMayNotSetAreRefused() {
        Map<String, Object> body = new HashMap<>(description("INTERNAL", owner));
        body.put("status", "ONGOING");
        api.expectProblem("/api/projects", body, HttpStatus.UNPROCESSABLE_CONTENT, "status");
        body = new HashMap<>(description("INTERNAL", owner));
        body.put("id", "chosen-by-the-caller");
        api.expectProblem("/api/projects", body, HttpStatus.UNPROCESSABLE_CONTENT, "id");
        assertThat(api.get("/api/projects?q=" + body.get("title")).body().path("items")).as("nothing written").isEmpty();
    }

    /**
     * One cell: the status this caller gets for this row, on an object of its own when the cell expects a change to
     * succeed, else on the visibility's untouchable object.
     */
    private int status(Row row, Who who) {
        String token = who.token(owner, other);
        String endpoint = row.endpoint();
        if (endpoint.startsWith("POST /api/projects (") || endpoint.startsWith("POST /api/projects/imports (")) {
            String ownerOfNew = endpoint.contains("column's") ? (who == Who.STAFF_OF_OTHER || who == Who.OTHER_COMPANY
                    || who == Who.PARTNER ? other : owner) : owner;
            Map<String, Object> description = description("INTERNAL", ownerOfNew);
            return endpoint.contains("/imports") ? call(token, HttpMethod.POST, "/api/projects/imports", null,
                    Map.of("projects", List.of(Map.of("key", description.get("title"), "description", description))))
                    : call(token, HttpMethod.POST, "/api/projects", null, description);
        }
        boolean changes = !endpoint.startsWith("GET") && row.expected()[who.ordinal()] < 300;
        Fixture fixture = changes ? fixture(row.visibility())
                : untouchable.computeIfAbsent(row.visibility(), this::fixture);
        if (endpoint.startsWith("GET /api/projects?q=")) {
            int status = call(token, HttpMethod.GET, "/api/projects?q=" + fixture.title(), null, null);
            return status != OK ? status : listed(token, fixture) ? OK : HIDDEN;
        }
        String[] parts = endpoint.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        String path = parts[1].replace("{id}", fixture.id()).replace("{partner}", foreignCity)
                .replace("{line}", fixture.line()).replace("{indicator}", fixture.indicator())
                .replace("{activity}", fixture.activity());
        return call(token, method, path, fixture.etag(), method == HttpMethod.DELETE ? null : body(path));
    }

    private boolean listed(String token, Fixture fixture) {
        Api caller = token == null ? api.anonymous() : api.as(token);
        return caller.get("/api/projects?q=" + fixture.title()).body().path("items").size() == 1;
    }

    private int call(String token, HttpMethod method, String uri, String ifMatch, Object body) {
        return (token == null ? api.anonymous() : api.as(token)).status(method, uri, ifMatch, body);
    }

    /** A project with one of each part, owned by {@link #owner}, made by the coordinator. */
    private record Fixture(String id, String etag, String title, String line, String indicator, String activity) {
    }

    private Fixture fixture(String visibility) {
        Map<String, Object> description = description(visibility, owner);
        Api.Resource project = api.created("/api/projects", description);
        String uri = "/api/projects/" + project.id();
        project = api.change(HttpMethod.POST, uri + "/partners", project.etag(),
                Map.of("organisationId", foreignCity, "role", "PARTNER"));
        project = api.change(HttpMethod.POST, uri + "/funding-lines", project.etag(), body("/funding-lines"));
        project = api.change(HttpMethod.POST, uri + "/indicators", project.etag(), body("/indicators"));
        project = api.change(HttpMethod.POST, uri + "/activities", project.etag(), body("/activities"));
        JsonNode state = project.body();
        return new Fixture(project.id(), project.etag(), (String) description.get("title"),
                state.path("fundingLines").get(0).path("fundingLineId").asString(),
                state.path("indicators").get(0).path("indicatorId").asString(),
                state.path("activities").get(0).path("activityId").asString());
    }

    private static Map<String, Object> description(String visibility, String ownerOrganisationId) {
        return Map.of("title", "Matris " + UUID.randomUUID(), "ownerOrganisationId", ownerOrganisationId,
                "visibility", visibility);
    }

    /** A valid body for each kind of change but a removal, by its path. */
    private Object body(String path) {
        if (path.endsWith("/partners")) {
            return Map.of("organisationId", university, "role", "ASSOCIATED");
        }
        if (path.contains("/funding-lines")) {
            return Map.of("programme", "OWN_BUDGET", "applied", Map.of("amount", "1000", "currency", "SEK"));
        }
        if (path.endsWith("/reports")) {
            return Map.of("reportedOn", "2026-01-15", "value", 3);
        }
        if (path.contains("/indicators")) {
            return Map.of("kind", "OUTPUT", "name", "Utbyten", "unit", "st", "baseline", 0, "target", 10);
        }
        if (path.contains("/activities")) {
            return Map.of("type", "STUDY_VISIT", "title", "Studiebesök", "heldOn", "2026-03-10", "country", "PL");
        }
        if (path.endsWith("/final-report")) {
            return Map.of("submittedOn", "2026-01-31", "summary", "Slutrapport");
        }
        if (path.endsWith("/health")) {
            return Map.of("status", "ON_TRACK");
        }
        if (path.endsWith("/transitions")) {
            return Map.of("to", "PRE_STUDY", "reason", "Förstudie beslutad");
        }
        return description("INTERNAL", owner);
    }
}
