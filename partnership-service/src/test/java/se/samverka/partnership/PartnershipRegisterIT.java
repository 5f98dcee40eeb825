package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.partnership.TestData.organisation;
import static se.samverka.partnership.TestData.partnership;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

class PartnershipRegisterIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;
    private static final HttpStatus CONFLICT = HttpStatus.CONFLICT;

    @Autowired
    MongoOperations mongo;

    private String municipality;
    private String department;

    @BeforeEach
    void client() {
        municipality = organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE", "region", "SE-Z");
        department = organisation(api, "Kommunledningsförvaltningen", "DEPARTMENT", "SE", "parentOrganisationId", municipality);
    }

    @Test
    void registersATwinCityWithItsPartiesAndWhatDerivesFromThem() {
        String sanok = organisation(api, "Gmina Miasta Sanoka", "FOREIGN_CITY", "PL", "region", "PL-18");
        String club = organisation(api, "Föreningen Norden Östersund", "SOCIAL_ECONOMY", "SE");

        Api.Resource created = api.created("/api/partnerships", partnership("Vänort Sanok", "TWIN_CITY",
                List.of(municipality, sanok, club), "responsibleDepartmentId", department, "visibility", "PUBLIC",
                "themes", List.of("DEMOCRACY"), "strategies", List.of("S1", "S2"), "nameEn", "Twin city Sanok"));

        JsonNode partnership = created.body();
        assertThat(partnership.path("status").asString()).isEqualTo("EXPLORING");
        assertThat(partnership.path("allowedTransitions").toString()).isEqualTo("[\"LETTER_OF_INTENT\",\"ENDED\"]");
        assertThat(partnership.path("parties").get(1).path("name").asString()).isEqualTo("Gmina Miasta Sanoka");
        assertThat(partnership.path("parties").get(0).path("role").asString()).isEqualTo("LEAD");
        assertThat(partnership.path("countries").toString()).isEqualTo("[\"PL\",\"SE\"]");
        assertThat(partnership.path("sectorsEngaged").toString()).isEqualTo("[\"PUBLIC\",\"SOCIAL_ECONOMY\"]");
        assertThat(partnership.path("history").get(0).path("to").asString()).isEqualTo("EXPLORING");
        assertThat(partnership.path("history").get(0).path("by").asString()).as("the signed-in caller's name").isEqualTo("Test Testsson");

        EventEnvelope event = events(created.id(), 1).get(0);
        assertThat(event.type()).isEqualTo("se.samverka.partnership.registered");
        assertThat(event.data()).contains("\"parties\":[{\"organisationId\":\"" + municipality + "\",\"role\":\"LEAD\"}",
                "\"strategies\":[\"S1\",\"S2\"]", "\"responsibleDepartmentId\":\"" + department + "\"");
    }

    @Test
    void badPartiesAndReferencesAreRefusedAndNothingIsWritten() {
        long before = mongo.getCollection("partnerships").countDocuments();
        String kajaani = organisation(api, "Kajaani", "FOREIGN_CITY", "FI");
        String closed = organisation(api, "Nedlagd förening", "SOCIAL_ECONOMY", "SE", "active", false);

        expectRefused(partnership("Ensam", "TWIN_CITY", List.of(municipality)), "parties");
        expectRefused(partnership("Okänd", "TWIN_CITY", List.of(municipality, "no-such")), "parties[1].organisationId");
        expectRefused(partnership("Dubbel", "TWIN_CITY", List.of(municipality, municipality)), "parties[1].organisationId");
        expectRefused(partnership("Stängd", "TWIN_CITY", List.of(municipality, closed)), "parties[1].organisationId");
        expectRefused(partnership("Ansvar", "TWIN_CITY", List.of(municipality, kajaani), "responsibleDepartmentId", kajaani),
                "responsibleDepartmentId");
        expectRefused(partnership("Strategi", "TWIN_CITY", List.of(municipality, kajaani), "strategies", List.of("S9")),
                "strategies[0]");
        expectRefused(partnership("Tema", "TWIN_CITY", List.of(municipality, kajaani), "themes", List.of("WEATHER")),
                "themes[0]");

        assertThat(mongo.getCollection("partnerships").countDocuments()).isEqualTo(before);
    }

    @Test
    void followsTheLifecycleWithItsConditionsAndKeepsTheHistory() {
        String selenge = organisation(api, "Selenge Aimag", "FOREIGN_REGION", "MN", "region", "MN-049");
        Api.Resource p = api.created("/api/partnerships", partnership("Utvecklingspartnerskap Selenge",
                "DEVELOPMENT_PARTNERSHIP", List.of(municipality, selenge)));
        String uri = "/api/partnerships/" + p.id();

        JsonNode refused = api.refused(HttpMethod.POST, uri + "/transitions", p.etag(),
                transition("LETTER_OF_INTENT", "Avsiktsförklaring undertecknad", null), CONFLICT);
        assertThat(refused.path("allowedTransitions").toString()).isEqualTo("[\"LETTER_OF_INTENT\",\"ENDED\"]");
        assertThat(refused.path("detail").asString()).contains("letter of intent");

        p = api.change(HttpMethod.PUT, uri + "/agreement", p.etag(),
                Map.of("type", "LETTER_OF_INTENT", "signedOn", "2007-03-01"));
        p = api.change(HttpMethod.POST, uri + "/transitions", p.etag(),
                transition("LETTER_OF_INTENT", "Avsiktsförklaring undertecknad", null));
        api.refused(HttpMethod.POST, uri + "/transitions", p.etag(), transition("ACTIVE", "Start", null), CONFLICT);

        p = api.change(HttpMethod.POST, uri + "/decisions", p.etag(), Map.of("body", "Kommunfullmäktige",
                "decidedOn", "2007-11-22", "paragraph", "185", "registrationNumber", "1783/200",
                "note", "Internationell strategi för Östersunds kommun"));
        String decision = p.body().path("decisions").get(0).path("id").asString();
        p = api.change(HttpMethod.POST, uri + "/transitions", p.etag(), transition("ACTIVE", "Beslut i KF", decision));
        assertThat(p.body().path("status").asString()).isEqualTo("ACTIVE");

        refused = api.refused(HttpMethod.POST, uri + "/transitions", p.etag(), transition("DORMANT", "Tyst", null), CONFLICT);
        assertThat(refused.path("detail").asString()).contains("set by the platform");
        refused = api.refused(HttpMethod.POST, uri + "/transitions", p.etag(), transition("ENDED", "Slut", null), CONFLICT);
        assertThat(refused.path("allowedTransitions").toString()).isEqualTo("[\"UNDER_REVIEW\"]");

        p = api.change(HttpMethod.POST, uri + "/transitions", p.etag(), transition("UNDER_REVIEW", "Årlig översyn", null));
        api.refused(HttpMethod.POST, uri + "/transitions", p.etag(), transition("ENDED", "Avslutas", null), CONFLICT);
        api.refused(HttpMethod.POST, uri + "/transitions", p.etag(), transition("ENDED", "Avslutas", "d99"), UNPROCESSABLE);
        p = api.change(HttpMethod.POST, uri + "/transitions", p.etag(), transition("ENDED", "Avslutas enligt beslut", decision));

        assertThat(p.body().path("allowedTransitions").size()).isZero();
        JsonNode history = p.body().path("history");
        assertThat(history.findValuesAsString("to"))
                .containsExactly("EXPLORING", "LETTER_OF_INTENT", "ACTIVE", "UNDER_REVIEW", "ENDED");
        assertThat(history.get(2).path("decisionId").asString()).isEqualTo(decision);
        assertThat(history.get(3).path("reason").asString()).isEqualTo("Årlig översyn");

        List<EventEnvelope> events = events(p.id(), 7);
        assertThat(events).extracting(EventEnvelope::type).containsExactly("se.samverka.partnership.registered",
                "se.samverka.partnership.agreementRecorded", "se.samverka.partnership.statusChanged",
                "se.samverka.partnership.decisionRecorded", "se.samverka.partnership.statusChanged",
                "se.samverka.partnership.statusChanged", "se.samverka.partnership.statusChanged");
        assertThat(events.get(3).data()).contains("\"registrationNumber\":\"1783/200\"", "\"paragraph\":\"185\"")
                .doesNotContain("Internationell strategi");
        assertThat(events.get(6).data()).contains("\"from\":\"UNDER_REVIEW\"", "\"to\":\"ENDED\"", "\"automatic\":false")
                .doesNotContain("Avslutas");
    }

    @Test
    void everyChangeNeedsTheVersionItIsBasedOn() {
        String vasa = organisation(api, "Vaasan kaupunki", "FOREIGN_CITY", "FI");
        Api.Resource p = api.created("/api/partnerships", partnership("Kvarken", "REGIONAL_COOPERATION",
                List.of(municipality, vasa)));
        Map<String, Object> renamed = Map.of("name", "Kvarkensamarbetet", "type", "REGIONAL_COOPERATION");

        api.refused(HttpMethod.PUT, "/api/partnerships/" + p.id(), null, renamed, HttpStatus.PRECONDITION_REQUIRED);
        Api.Resource changed = api.change(HttpMethod.PUT, "/api/partnerships/" + p.id(), p.etag(), renamed);
        api.refused(HttpMethod.PUT, "/api/partnerships/" + p.id(), p.etag(), renamed, HttpStatus.PRECONDITION_FAILED);
        api.refused(HttpMethod.POST, "/api/partnerships/" + p.id() + "/transitions", p.etag(),
                transition("ENDED", "Stale", null), HttpStatus.PRECONDITION_FAILED);

        assertThat(changed.body().path("name").asString()).isEqualTo("Kvarkensamarbetet");
        assertThat(changed.body().path("visibility").asString()).isEqualTo("INTERNAL");
        assertThat(events(p.id(), 2).get(1).type()).isEqualTo("se.samverka.partnership.updated");
        api.refused(HttpMethod.PUT, "/api/partnerships/" + p.id(), changed.etag(), Map.of("name", "X",
                "type", "REGIONAL_COOPERATION", "parties", List.of()), UNPROCESSABLE);
    }

    @Test
    void partiesComeAndGoButAtLeastTwoStay() {
        String trondheim = organisation(api, "Trondheim kommune", "FOREIGN_CITY", "NO", "region", "NO-50");
        String sundsvall = organisation(api, "Sundsvalls kommun", "MUNICIPALITY", "SE", "region", "SE-Y");
        Api.Resource p = api.created("/api/partnerships", partnership("Mittnorden", "REGIONAL_COOPERATION",
                List.of(municipality, trondheim)));
        String uri = "/api/partnerships/" + p.id();

        p = api.change(HttpMethod.POST, uri + "/parties", p.etag(), Map.of("organisationId", sundsvall, "role", "MEMBER"));
        assertThat(p.body().path("countries").toString()).isEqualTo("[\"NO\",\"SE\"]");
        api.refused(HttpMethod.POST, uri + "/parties", p.etag(), Map.of("organisationId", sundsvall, "role", "MEMBER"),
                UNPROCESSABLE);
        p = api.change(HttpMethod.DELETE, uri + "/parties/" + trondheim, p.etag(), null);
        api.refused(HttpMethod.DELETE, uri + "/parties/" + sundsvall, p.etag(), null, UNPROCESSABLE);
        api.refused(HttpMethod.DELETE, uri + "/parties/" + trondheim, p.etag(), null, HttpStatus.NOT_FOUND);

        assertThat(p.body().path("parties").findValuesAsString("organisationId")).containsExactly(municipality, sundsvall);
        assertThat(events(p.id(), 3)).extracting(EventEnvelope::type).containsExactly("se.samverka.partnership.registered",
                "se.samverka.partnership.partyAdded", "se.samverka.partnership.partyRemoved");
    }

    @Test
    void listsFilterByWhatMattersToTheCoordinator() {
        String tag = "Filtertest " + System.nanoTime();
        String jilin = organisation(api, "Jilin Province", "FOREIGN_REGION", "CN", "region", "CN-JL");
        String odense = organisation(api, "Odense Kommune", "FOREIGN_CITY", "DK");
        api.create("/api/partnerships", partnership(tag + " Jilin", "TWIN_CITY", List.of(municipality, jilin),
                "strategies", List.of("S1"), "themes", List.of("CLIMATE"), "responsibleDepartmentId", department));
        api.create("/api/partnerships", partnership(tag + " Odense", "TWIN_CITY", List.of(municipality, odense),
                "strategies", List.of("S2")));

        assertThat(total("/api/partnerships?q={q}", tag)).isEqualTo(2);
        assertThat(total("/api/partnerships?q={q}&country=CN", tag)).isEqualTo(1);
        assertThat(total("/api/partnerships?q={q}&party=" + odense, tag)).isEqualTo(1);
        assertThat(total("/api/partnerships?q={q}&strategy=S1&theme=CLIMATE", tag)).isEqualTo(1);
        assertThat(total("/api/partnerships?q={q}&responsibleDepartment=" + department, tag)).isEqualTo(1);
        assertThat(total("/api/partnerships?q={q}&status=ACTIVE", tag)).isZero();
        assertThat(api.get("/api/partnerships?q={q}&sort=-name&size=1", tag).body().path("items").get(0).path("name")
                .asString()).isEqualTo(tag + " Odense");
    }

    private long total(String uri, String q) {
        return api.get(uri, q).body().path("totalItems").asLong();
    }

    private void expectRefused(Map<String, Object> body, String field) {
        api.expectProblem("/api/partnerships", body, UNPROCESSABLE, field);
    }

    private static Map<String, Object> transition(String to, String reason, String decisionId) {
        return decisionId == null ? Map.of("to", to, "reason", reason) : Map.of("to", to, "reason", reason, "decisionId", decisionId);
    }

    private List<EventEnvelope> events(String id, int count) {
        return awaitEvents(PartnershipContracts.PARTNERSHIPS, id, count);
    }
}
