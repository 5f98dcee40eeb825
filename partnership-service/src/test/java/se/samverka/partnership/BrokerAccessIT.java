package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.partnership.TestData.interest;
import static se.samverka.partnership.TestData.partnership;
import static se.samverka.platform.test.AccessMatrix.CREATED;
import static se.samverka.platform.test.AccessMatrix.HIDDEN;
import static se.samverka.platform.test.AccessMatrix.NO;
import static se.samverka.platform.test.AccessMatrix.NONE;
import static se.samverka.platform.test.AccessMatrix.OK;
import static se.samverka.platform.test.AccessMatrix.row;

import java.time.LocalDate;
import java.time.ZoneOffset;
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

/**
 * Who may do what with the broker's interests, matches and introductions (docs/architecture.md §4). An interest
 * belongs to the organisation that stated it and is read by its visibility; an introduction is read by its sides, its
 * proposer and the municipality, answered by each side for itself (the coordinator on a side's behalf); a call's
 * matches are asked for by whoever may read the call. The object column is the visibility of the interest (for
 * introductions: of the interest and the partnership they go through; for a call's matches: of the call).
 * An interest the caller may not read, named in a new introduction, is refused as unknown (422).
 */
class BrokerAccessIT extends ServiceIntegrationTest {

    private static final int UNKNOWN = 422;
    /** A funding call is never an introduction's counterpart: refused (422) whoever signed in asks, before the rest. */
    private static final int NEVER = 422;

    // @formatter:off
    private static final List<Row> MATRIX = List.of(
        //  endpoint                                                   object      anonymous admin    staff    staff    company  other    partner
        //                                                                                            of owner of other owner    company
        row("GET /api/interests/{id}",                                 "INTERNAL", HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/interests/{id}",                                 "COUNTY",   HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  OK),
        row("GET /api/interests/{id}",                                 "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("GET /api/interests?organisationId= (listed)",             "INTERNAL", HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/interests?organisationId= (listed)",             "COUNTY",   HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  OK),
        row("GET /api/interests?organisationId= (listed)",             "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("POST /api/interests (for the owner)",                     "-",        NONE,    CREATED, CREATED, NO,      CREATED, NO,      NO),
        row("PUT /api/interests/{id}",                                 "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("PUT /api/interests/{id}",                                 "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("POST /api/interests/{id}/withdrawal",                     "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/interests/{id}/withdrawal",                     "PUBLIC",   NONE,    OK,      OK,      NO,      OK,      NO,      NO),
        row("GET /api/interests/{id}/matches",                         "INTERNAL", HIDDEN,  OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/interests/{id}/matches",                         "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("GET /api/interests/match-weights",                        "-",        OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("GET /api/calls/{id}/matches",                             "INTERNAL", HIDDEN,  OK,      OK,      OK,      HIDDEN,  HIDDEN,  HIDDEN),
        row("GET /api/calls/{id}/matches",                             "COUNTY",   HIDDEN,  OK,      OK,      OK,      HIDDEN,  HIDDEN,  OK),
        row("GET /api/calls/{id}/matches",                             "PUBLIC",   OK,      OK,      OK,      OK,      OK,      OK,      OK),
        row("POST /api/introductions (to an organisation)",            "INTERNAL", NONE,    CREATED, NO,      NO,      NO,      NO,      UNKNOWN),
        row("POST /api/introductions (to an organisation)",            "COUNTY",   NONE,    CREATED, NO,      NO,      NO,      NO,      CREATED),
        row("POST /api/introductions (through the owner's partnership)", "INTERNAL", NONE,  CREATED, CREATED, NO,      NO,      NO,      UNKNOWN),
        row("POST /api/introductions (to a call)",                     "PUBLIC",   NONE,    NEVER,   NEVER,   NEVER,   NEVER,   NEVER,   NEVER),
        row("GET /api/introductions/{id}",                             "INTERNAL", NONE,    OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("GET /api/introductions?organisationId= (listed)",         "INTERNAL", NONE,    OK,      OK,      OK,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/introductions/{id}/answers (for the owner)",    "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN),
        row("POST /api/introductions/{id}/outcomes",                   "INTERNAL", NONE,    OK,      OK,      NO,      OK,      HIDDEN,  HIDDEN));
    // @formatter:on

    private String municipality;
    private String owner;
    private String other;
    private String kajaani;
    /** Objects that no cell may change, one per visibility: every refused call is made on these. */
    private final Map<String, Fixture> untouchable = new HashMap<>();

    @BeforeEach
    void theDirectory() {
        municipality = TestData.organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE");
        owner = TestData.organisation(api, "Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE",
                "parentOrganisationId", municipality);
        other = TestData.organisation(api, "Miljö- och samhällsnämndens förvaltning", "DEPARTMENT", "SE",
                "parentOrganisationId", municipality);
        kajaani = TestData.organisation(api, "Kajaanin kaupunki", "FOREIGN_CITY", "FI", "region", "FI-05");
    }

    @Test
    void everyEndpointAnswersEveryCallerAsTheTableSays() {
        AccessMatrix.verify(MATRIX, this::status);
        untouchable.values().forEach(fixture -> {
            assertThat(api.get("/api/interests/" + fixture.interest()).etag()).as("a refused call changes nothing")
                    .isEqualTo(fixture.interestEtag());
            assertThat(api.get("/api/introductions/" + fixture.introduction()).etag())
                    .as("a refused call changes nothing").isEqualTo(fixture.introductionEtag());
        });
    }

    /** One cell, on objects of its own when the cell expects a change to succeed, else on untouchable ones. */
    private int status(Row row, Who who) {
        Api caller = who == Who.ANONYMOUS ? api.anonymous() : api.as(who.token(owner, other));
        String endpoint = row.endpoint();
        if (endpoint.startsWith("POST /api/interests (")) {
            return caller.status(HttpMethod.POST, "/api/interests", null, interest(owner, "SEEKS", unique("Nytt")));
        }
        boolean changes = !endpoint.startsWith("GET") && row.expected()[who.ordinal()] < 300;
        Fixture fixture = changes ? fixture(row.visibility())
                : untouchable.computeIfAbsent(row.visibility(), this::fixture);
        if (endpoint.startsWith("POST /api/introductions (to a call")) {
            return caller.status(HttpMethod.POST, "/api/introductions", null, Map.of("interestId", fixture.interest(),
                    "counterpartKind", "CALL", "counterpartId", fixture.call()));
        }
        if (endpoint.startsWith("POST /api/introductions (to an")) {
            return caller.status(HttpMethod.POST, "/api/introductions", null, Map.of("interestId", fixture.interest(),
                    "counterpartKind", "ORGANISATION", "counterpartId", kajaani));
        }
        if (endpoint.startsWith("POST /api/introductions (through")) {
            return caller.status(HttpMethod.POST, "/api/introductions", null, Map.of("interestId", fixture.interest(),
                    "counterpartKind", "ORGANISATION", "counterpartId", kajaani, "partnershipId",
                    fixture.partnership()));
        }
        if (endpoint.contains("(listed)")) {
            String list = (endpoint.contains("interests") ? "/api/interests" : "/api/introductions")
                    + "?size=200&organisationId=" + owner;
            String id = endpoint.contains("interests") ? fixture.interest() : fixture.introduction();
            int status = caller.status(HttpMethod.GET, list, null, null);
            return status != OK ? status
                    : caller.get(list).body().path("items").findValuesAsString("id").contains(id) ? OK : HIDDEN;
        }
        String[] parts = endpoint.split(" ", 3);
        HttpMethod method = HttpMethod.valueOf(parts[0]);
        boolean introduction = parts[1].startsWith("/api/introductions");
        String path = parts[1].replace("{id}", introduction ? fixture.introduction()
                : parts[1].startsWith("/api/calls") ? fixture.call() : fixture.interest());
        String ifMatch = introduction ? (path.endsWith("/outcomes") ? fixture.acceptedEtag() : fixture.introductionEtag())
                : fixture.interestEtag();
        if (path.endsWith("/outcomes")) {
            path = path.replace(fixture.introduction(), fixture.accepted());
        }
        return caller.status(method, path, ifMatch, method == HttpMethod.GET ? null : body(path));
    }

    /**
     * An interest of {@link #owner}; a partnership of the owner with Kajaani; an introduction of the interest to
     * Kajaani the coordinator proposed, and another that both sides accepted; a funding call.
     */
    private record Fixture(String interest, String interestEtag, String partnership, String introduction,
                           String introductionEtag, String accepted, String acceptedEtag, String call) {
    }

    private Fixture fixture(String visibility) {
        String shown = visibility.equals("-") ? "PUBLIC" : visibility;
        Api.Resource interest = api.created("/api/interests", interest(owner, "SEEKS", unique("Matris"),
                "visibility", shown, "countries", List.of("FI")));
        String partnership = api.create("/api/partnerships", partnership(unique("Vänort"), "TWIN_CITY",
                List.of(municipality, kajaani), "responsibleDepartmentId", owner, "visibility", shown));
        Map<String, Object> proposal = Map.of("interestId", interest.id(), "counterpartKind", "ORGANISATION",
                "counterpartId", kajaani);
        Api.Resource introduction = api.created("/api/introductions", proposal);
        Api.Resource accepted = api.created("/api/introductions", proposal);
        for (String side : List.of(owner, kajaani)) {
            accepted = api.change(HttpMethod.POST, "/api/introductions/" + accepted.id() + "/answers",
                    accepted.etag(), Map.of("organisationId", side, "answer", "ACCEPTED"));
        }
        String call = api.create("/api/calls", TestData.call(unique("Utlysning"),
                LocalDate.now(ZoneOffset.UTC).plusDays(30), "visibility", shown));
        return new Fixture(interest.id(), interest.etag(), partnership, introduction.id(), introduction.etag(),
                accepted.id(), accepted.etag(), call);
    }

    private Map<String, Object> body(String path) {
        if (path.endsWith("/answers")) {
            return Map.of("organisationId", owner, "answer", "ACCEPTED");
        }
        if (path.endsWith("/outcomes")) {
            return Map.of("outcome", "MEETING", "outcomeOn", LocalDate.now(ZoneOffset.UTC).toString());
        }
        return path.endsWith("/withdrawal") ? null : interest(owner, "SEEKS", unique("Ändrat"), "visibility", "INTERNAL");
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID();
    }
}
