package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.partnership.TestData.contactPerson;
import static se.samverka.partnership.TestData.organisation;
import static se.samverka.partnership.TestData.partnership;
import static se.samverka.platform.test.AccessMatrix.CREATED;
import static se.samverka.platform.test.AccessMatrix.GONE;
import static se.samverka.platform.test.AccessMatrix.HIDDEN;
import static se.samverka.platform.test.AccessMatrix.NO;
import static se.samverka.platform.test.AccessMatrix.NONE;
import static se.samverka.platform.test.AccessMatrix.OK;
import static se.samverka.platform.test.AccessMatrix.row;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import se.samverka.platform.test.AccessMatrix;
import se.samverka.platform.test.AccessMatrix.Row;
import se.samverka.platform.test.AccessMatrix.Who;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what in the register (docs/architecture.md §4). A partnership belongs to its responsible department; an
 * organisation is kept up to date by itself, by the organisation whose staff registered it and by the coordinator;
 * contact persons are personal data, handled by the municipality's staff and the organisation itself, erased and
 * exported by the coordinator. What a caller may not read answers 404; what it reads but may not change, 403; a change
 * without a token, 401. A list leaves out what the caller may not read: the table writes 404 for "not listed".
 */
class PartnershipAccessIT extends ServiceIntegrationTest {

    // @formatter:off
    private static final List<Row> MATRIX = List.of(
        //  endpoint                                                   object      anonymous admin    staff    staff    company  other    partner
        //                                                                                            of owner of other owner    company
        row("GET /api/partnerships/{id}",                              "INTERNAL", HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/partnerships/{id}",                              "COUNTY",   HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  OK),
        row("GET /api/partnerships/{id}",                              "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("GET /api/partnerships?q= (listed)",                       "INTERNAL", HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/partnerships?q= (listed)",                       "COUNTY",   HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  OK),
        row("GET /api/partnerships?q= (listed)",                       "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("POST /api/partnerships (responsible: the owner)",         "-",        NONE,    CREATED, CREATED, NO,      CREATED, NO,      NO),
        row("PUT /api/partnerships/{id}",                              "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/partnerships/{id}",                              "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("POST /api/partnerships/{id}/parties",                     "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/partnerships/{id}/parties",                     "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("DELETE /api/partnerships/{id}/parties/{party}",           "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("DELETE /api/partnerships/{id}/parties/{party}",           "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("PUT /api/partnerships/{id}/agreement",                    "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/partnerships/{id}/agreement",                    "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("POST /api/partnerships/{id}/decisions",                   "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/partnerships/{id}/decisions",                   "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("POST /api/partnerships/{id}/transitions",                 "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/partnerships/{id}/transitions",                 "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("GET /api/organisations/{org}",                            "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("POST /api/organisations",                                 "-",        NONE,    CREATED, CREATED, CREATED, CREATED, CREATED, NO),
        row("PUT /api/organisations/{org}",                            "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("GET /api/organisations/{org}/contact-persons",            "PUBLIC",   NONE,    OK,      OK,      OK,      OK,      NO,      NO),
        row("POST /api/organisations/{org}/contact-persons",           "PUBLIC",   NONE,    CREATED, CREATED, CREATED, CREATED, NO,      NO),
        row("GET /api/contact-persons/{person}",                       "PUBLIC",   HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/contact-persons/{person}",                       "PUBLIC",   NONE,    OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/contact-persons/{person}/export",                "PUBLIC",   HIDDEN,  OK,      NO,      NO,      NO,      HIDDEN,  HIDDEN),
        row("DELETE /api/contact-persons/{person}",                    "PUBLIC",   NONE,    GONE,    NO,      NO,      NO,      HIDDEN,  HIDDEN));
    // @formatter:on

    /** Funding calls have no owner: the coordinator keeps them, and each is read by its visibility. */
    // @formatter:off
    private static final List<Row> CALLS = List.of(
        //  endpoint                                                   object      anonymous admin    staff    staff    company  other    partner
        //                                                                                            of owner of other owner    company
        row("GET /api/calls/{id}",                                     "INTERNAL", HIDDEN,  OK,      OK,      OK,      HIDDEN,  HIDDEN,  HIDDEN),
        row("GET /api/calls/{id}",                                     "COUNTY",   HIDDEN,  OK,      OK,      OK,      HIDDEN,  HIDDEN,  OK),
        row("GET /api/calls/{id}",                                     "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("GET /api/calls (listed)",                                 "INTERNAL", HIDDEN,  OK,      OK,      OK,      HIDDEN,  HIDDEN,  HIDDEN),
        row("GET /api/calls (listed)",                                 "COUNTY",   HIDDEN,  OK,      OK,      OK,      HIDDEN,  HIDDEN,  OK),
        row("GET /api/calls (listed)",                                 "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("POST /api/calls",                                         "-",        NONE,    CREATED, NO,      NO,      NO,      NO,      NO),
        row("PUT /api/calls/{id}",                                     "INTERNAL", NONE,    OK,      NO,      NO,      HIDDEN,  HIDDEN,  HIDDEN),
        row("PUT /api/calls/{id}",                                     "PUBLIC",   NONE,    OK,      NO,      NO,      NO,      NO,      NO),
        row("POST /api/calls/{id}/withdrawal",                         "COUNTY",   NONE,    OK,      NO,      NO,      HIDDEN,  HIDDEN,  NO),
        row("POST /api/calls/{id}/withdrawal",                         "PUBLIC",   NONE,    OK,      NO,      NO,      NO,      NO,      NO));
    // @formatter:on

    /** What histories hold of the people who used Samverka: exported and erased by the coordinator alone. */
    // @formatter:off
    private static final List<Row> STAFF_PERSONAL_DATA = List.of(
        //  endpoint                                                   object      anonymous admin    staff    staff    company  other    partner
        //                                                                                            of owner of other owner    company
        row("GET /api/personal-data/staff?subject=&name=",            "-",        NONE,    OK,      NO,      NO,      NO,      NO,      NO),
        row("POST /api/personal-data/staff/erasure",                   "-",        NONE,    OK,      NO,      NO,      NO,      NO,      NO));
    // @formatter:on

    private String municipality;
    private String owner;
    private String other;
    private String sanok;
    private String kajaani;
    private String odense;
    /** Objects that no cell may change, one per visibility: every refused call is made on these. */
    private final Map<String, Fixture> untouchable = new HashMap<>();

    @BeforeEach
    void theDirectory() {
        municipality = TestData.organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE");
        owner = TestData.organisation(api, "Kommunledningsförvaltningen", "DEPARTMENT", "SE",
                "parentOrganisationId", municipality);
        other = TestData.organisation(api, "Socialförvaltningen", "DEPARTMENT", "SE", "parentOrganisationId", municipality);
        sanok = TestData.organisation(api, "Gmina Miasta Sanoka", "FOREIGN_CITY", "PL");
        kajaani = TestData.organisation(api, "Kajaanin kaupunki", "FOREIGN_CITY", "FI");
        odense = TestData.organisation(api, "Odense Kommune", "FOREIGN_CITY", "DK");
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        AccessMatrix.verify(MATRIX, this::status);
        untouchable.values().forEach(fixture -> {
            assertThat(api.get("/api/partnerships/" + fixture.id()).etag()).as("a refused call changes nothing")
                    .isEqualTo(fixture.etag());
            assertThat(api.get("/api/contact-persons/" + fixture.person()).etag()).as("a refused call changes nothing")
                    .isEqualTo(fixture.personEtag());
        });
    }

    @Test
    void everyCallEndpointAnswersEveryCallerAsTheTableSays() {
        Map<String, Api.Resource> untouchableCalls = new HashMap<>();
        AccessMatrix.verify(CALLS, (row, who) -> {
            Api caller = who == Who.ANONYMOUS ? api.anonymous() : api.as(who.token(owner, other));
            String[] parts = row.endpoint().split(" ");
            HttpMethod method = HttpMethod.valueOf(parts[0]);
            if (parts[1].equals("/api/calls") && method == HttpMethod.POST) {
                return caller.status(method, "/api/calls", null, TestData.call(unique("Utlysning"),
                        LocalDate.now().plusDays(90), "programme", "ERASMUS_PLUS"));
            }
            boolean changes = method != HttpMethod.GET && row.expected()[who.ordinal()] < 300;
            Api.Resource call = changes ? callFixture(row.visibility())
                    : untouchableCalls.computeIfAbsent(row.visibility(), this::callFixture);
            if (parts[1].equals("/api/calls")) {
                int status = caller.status(HttpMethod.GET, "/api/calls?programme=ERASMUS_PLUS&size=200", null, null);
                return status != OK ? status : caller.get("/api/calls?programme=ERASMUS_PLUS&size=200").body()
                        .path("items").findValuesAsString("id").contains(call.id()) ? OK : HIDDEN;
            }
            String path = parts[1].replace("{id}", call.id());
            Object body = path.endsWith("/withdrawal") ? Map.of("reason", "Inställd")
                    : TestData.call(call.body().path("name").asString(), LocalDate.now().plusDays(100), "programme",
                    "ERASMUS_PLUS", "visibility", row.visibility());
            return caller.status(method, path, method == HttpMethod.GET ? null : call.etag(), body);
        });
        untouchableCalls.values().forEach(call -> assertThat(api.get("/api/calls/" + call.id()).etag())
                .as("a refused call changes nothing").isEqualTo(call.etag()));
    }

    /** Refused callers ask about a person whose step stays in a history; the coordinator about someone else. */
    @Test
    void thePersonalDataOfStaffIsTheCoordinatorsAlone() {
        String subject = "staff." + UUID.randomUUID() + "@ostersund.se";
        String partnership = api.as(TestTokens.token().role("STAFF").organisation(owner).subject(subject)
                .name("Bo Berg").build()).create("/api/partnerships", partnership(unique("Steg"), "TWIN_CITY",
                List.of(municipality, sanok), "responsibleDepartmentId", owner));

        AccessMatrix.verify(STAFF_PERSONAL_DATA, (row, who) -> {
            Api caller = who == Who.ANONYMOUS ? api.anonymous() : api.as(who.token(owner, other));
            String asked = row.expected()[who.ordinal()] < 300 ? "someone.else@ostersund.se" : subject;
            return row.endpoint().startsWith("GET")
                    ? caller.status(HttpMethod.GET, "/api/personal-data/staff?subject=" + asked + "&name=Bo Berg",
                    null, null)
                    : caller.status(HttpMethod.POST, "/api/personal-data/staff/erasure", null, Map.of("subject", asked,
                    "name", "Bo Berg", "replacement", "STAFF, Kommunledningsförvaltningen"));
        });
        assertThat(api.get("/api/partnerships/" + partnership).body().path("history").get(0).path("by").asString())
                .as("a refused erasure changes nothing").isEqualTo("Bo Berg");
    }

    @Test
    void outsidersSeeNoInternalFields() {
        Api.Resource partnership = api.created("/api/partnerships", partnership("Vänort Sanok", "TWIN_CITY",
                List.of(municipality, sanok), "responsibleDepartmentId", owner, "visibility", "PUBLIC"));
        String uri = "/api/partnerships/" + partnership.id();
        partnership = api.change(HttpMethod.POST, uri + "/decisions", partnership.etag(), Map.of("body",
                "Kommunfullmäktige", "decidedOn", "2007-11-22", "paragraph", "§ 185", "registrationNumber",
                "1783/200", "note", "Budgeten diskuterades i slutet rum"));
        api.change(HttpMethod.POST, uri + "/transitions", partnership.etag(), Map.of("to", "ENDED",
                "reason", "Avslutas efter intern dragning"));

        JsonNode inside = api.as(TestTokens.staff(other)).get(uri).body();
        assertThat(inside.path("decisions").get(0).path("note").asString()).isEqualTo("Budgeten diskuterades i slutet rum");
        assertThat(inside.path("allowedTransitions")).as("staff of another department read, not change").isEmpty();

        for (Api outsider : List.of(api.anonymous(), api.as(TestTokens.partner(kajaani)))) {
            JsonNode outside = outsider.get(uri).body();
            assertThat(outside.path("decisions").get(0).path("paragraph").asString()).isEqualTo("§ 185");
            assertThat(outside.path("decisions").get(0).path("note").isNull()).isTrue();
            assertThat(outside.path("decisions").get(0).path("recordedBy").isNull()).isTrue();
            assertThat(outside.path("history").get(1).path("to").asString()).isEqualTo("ENDED");
            assertThat(outside.path("history").get(1).path("reason").isNull()).isTrue();
            assertThat(outside.path("history").get(1).path("by").isNull()).isTrue();
            assertThat(outside.path("allowedTransitions")).isEmpty();
        }
    }

    /**
     * One cell: the status this caller gets for this row, on objects of its own when the cell expects a change to
     * succeed, else on the visibility's untouchable ones.
     */
    private int status(Row row, Who who) {
        Api caller = api.as(who.token(owner, other));
        if (who == Who.ANONYMOUS) {
            caller = api.anonymous();
        }
        String endpoint = row.endpoint();
        if (endpoint.startsWith("POST /api/partnerships (")) {
            return caller.status(HttpMethod.POST, "/api/partnerships", null, partnership(unique("Ny"), "TWIN_CITY",
                    List.of(municipality, sanok), "responsibleDepartmentId", owner));
        }
        if (endpoint.equals("POST /api/organisations")) {
            return caller.status(HttpMethod.POST, "/api/organisations", null,
                    organisation(unique("Förening"), "SOCIAL_ECONOMY", "SE"));
        }
        boolean changes = !endpoint.startsWith("GET") && row.expected()[who.ordinal()] < 300;
        Fixture fixture = changes ? fixture(row.visibility())
                : untouchable.computeIfAbsent(row.visibility(), this::fixture);
        if (endpoint.startsWith("GET /api/partnerships?q=")) {
            int status = caller.status(HttpMethod.GET, "/api/partnerships?q=" + fixture.name(), null, null);
            return status != OK ? status
                    : caller.get("/api/partnerships?q=" + fixture.name()).body().path("items").size() == 1 ? OK : HIDDEN;
        }
        String[] parts = endpoint.split(" ", 2);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        String path = parts[1].replace("{id}", fixture.id()).replace("{party}", kajaani)
                .replace("{org}", fixture.organisation()).replace("{person}", fixture.person());
        String ifMatch = path.startsWith("/api/contact-persons/") ? fixture.personEtag()
                : path.startsWith("/api/organisations/") ? fixture.organisationEtag() : fixture.etag();
        return caller.status(method, path, ifMatch, method == HttpMethod.DELETE ? null : body(path, fixture));
    }

    /**
     * A partnership of {@link #owner} with three parties, and an organisation its staff registered, with one contact
     * person.
     */
    private record Fixture(String id, String etag, String name, String organisation, String organisationEtag,
                           String person, String personEtag) {
    }

    private Fixture fixture(String visibility) {
        String name = unique("Matris");
        Api.Resource partnership = api.created("/api/partnerships", partnership(name, "TWIN_CITY",
                List.of(municipality, sanok, kajaani), "responsibleDepartmentId", owner, "visibility", visibility));
        Api.Resource organisation = api.as(TestTokens.staff(owner)).created("/api/organisations",
                organisation(unique("Idrottsförening"), "SOCIAL_ECONOMY", "SE"));
        Api.Resource person = api.created("/api/organisations/" + organisation.id() + "/contact-persons",
                contactPerson("Lena Persson", "lena@example.se", "2099-12-31"));
        return new Fixture(partnership.id(), partnership.etag(), name, organisation.id(),
                api.get("/api/organisations/" + organisation.id()).etag(), person.id(), person.etag());
    }

    private Api.Resource callFixture(String visibility) {
        return api.created("/api/calls", TestData.call(unique("Utlysning"), LocalDate.now().plusDays(90), "programme",
                "ERASMUS_PLUS", "visibility", visibility));
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID();
    }

    /** A valid body for each kind of change but a removal, by its path. */
    private Map<String, Object> body(String path, Fixture fixture) {
        if (path.endsWith("/parties")) {
            return Map.of("organisationId", odense, "role", "PARTNER");
        }
        if (path.endsWith("/agreement")) {
            return Map.of("type", "MEMORANDUM_OF_UNDERSTANDING", "signedOn", "2024-05-02", "validFrom", "2024-06-01");
        }
        if (path.endsWith("/decisions")) {
            return Map.of("body", "Kommunstyrelsen", "decidedOn", "2024-04-10", "paragraph", "§ 88");
        }
        if (path.endsWith("/transitions")) {
            return Map.of("to", "ENDED", "reason", "Samarbetet avslutas");
        }
        if (path.contains("contact-persons")) {
            return contactPerson("Lena Persson", "lena.persson@example.se", "2099-12-31");
        }
        if (path.startsWith("/api/organisations/")) {
            return organisation(unique("Idrottsförening"), "SOCIAL_ECONOMY", "SE");
        }
        return Map.of("name", fixture.name(), "type", "TWIN_CITY", "responsibleDepartmentId", owner,
                "visibility", "INTERNAL");
    }
}
