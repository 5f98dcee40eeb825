package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static se.samverka.partnership.TestData.call;
import static se.samverka.partnership.TestData.interest;
import static se.samverka.partnership.TestData.organisation;
import static se.samverka.partnership.TestData.partnership;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names of people in the histories are personal data too: each entry keeps who did it by the subject of their
 * tokens beside the name, a person's entries are exported on request and erased (named by their role and
 * organisation instead) aggregate by aggregate, each change announced by an event that names no one.
 */
class StaffPersonalDataIT extends ServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPLACEMENT = "ADMIN, Kommunledningsförvaltningen";

    @Autowired
    MongoOperations mongo;

    @Test
    void aPersonsEntriesAreExportedThenErasedOnceWhileANamesakesStay() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String subject = "anna." + tag + "@ostersund.se";
        String name = "Anna Andersson " + tag;
        Api anna = api.as(TestTokens.token().role("ADMIN").subject(subject).name(name).build());
        Api namesake = api.as(TestTokens.token().role("ADMIN").subject("anna." + tag + "@foretaget.se").name(name)
                .build());
        String municipality = organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE");
        String department = organisation(api, "Kommunledningsförvaltningen", "DEPARTMENT", "SE",
                "parentOrganisationId", municipality);
        String sanok = organisation(api, "Gmina Miasta Sanoka", "FOREIGN_CITY", "PL");
        String company = organisation(api, "Storsjö Upplevelser AB", "COMPANY", "SE", "region", "SE-Z");

        Api.Resource partnership = anna.created("/api/partnerships", partnership("Vänort Sanok " + tag, "TWIN_CITY",
                List.of(municipality, sanok), "responsibleDepartmentId", department));
        String uri = "/api/partnerships/" + partnership.id();
        partnership = anna.change(HttpMethod.POST, uri + "/decisions", partnership.etag(), Map.of("body",
                "Kommunstyrelsen", "decidedOn", "2007-11-22", "paragraph", "§ 185"));
        partnership = namesake.change(HttpMethod.POST, uri + "/transitions", partnership.etag(), Map.of("to", "ENDED",
                "reason", "Avslutas"));
        Api.Resource call = api.created("/api/calls", call("Utlysning " + tag, LocalDate.now().plusDays(90)));
        anna.change(HttpMethod.POST, "/api/calls/" + call.id() + "/withdrawal", call.etag(), Map.of("reason",
                "Inställd"));
        String interest = anna.create("/api/interests", interest(company, "SEEKS", "Partner " + tag));
        String counterpart = api.create("/api/interests", interest(department, "OFFERS", "Erbjudande " + tag));
        Api.Resource introduction = anna.created("/api/introductions", Map.of("interestId", interest,
                "counterpartKind", "INTEREST", "counterpartId", counterpart));
        anna.change(HttpMethod.POST, "/api/introductions/" + introduction.id() + "/answers", introduction.etag(),
                Map.of("answer", "ACCEPTED", "organisationId", company));

        Document stored = mongo.findById(partnership.id(), Document.class, "partnerships");
        assertThat(stored.getEmbedded(List.of("state", "history"), List.class)).extracting("bySubject")
                .as("who took each step, by their subject").containsExactly(subject, "anna." + tag + "@foretaget.se");
        assertThat(partnership.body().toString()).as("the subject is kept, not shown").doesNotContain(subject)
                .doesNotContain("bySubject");
        // A decision recorded before subjects were kept: found by the name alone.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(partnership.id())),
                new Update().unset("state.decisions.0.recordedBySubject"), "partnerships");

        JsonNode export = api.get("/api/personal-data/staff?subject={subject}&name={name}", subject, name).body();
        assertThat(export.path("subject").asString()).isEqualTo(subject);
        assertThat(entries(export)).containsExactlyInAnyOrder(
                tuple("partnership", partnership.id(), "history[0].by"),
                tuple("partnership", partnership.id(), "decisions[0].recordedBy"),
                tuple("call", call.id(), "withdrawal.by"),
                tuple("interest", interest, "statedBy"),
                tuple("introduction", introduction.id(), "proposedBy"),
                tuple("introduction", introduction.id(), "answers[0].by"));

        JsonNode erased = erase(Map.of("subject", subject, "name", name, "replacement", REPLACEMENT));

        assertThat(erased.path("entriesChanged")).isEqualTo(JSON.readTree(
                "{\"call\": 1, \"interest\": 1, \"introduction\": 2, \"partnership\": 2}"));
        Api.Resource after = api.get(uri);
        assertThat(version(after.etag())).as("one change, one event").isEqualTo(version(partnership.etag()) + 1);
        assertThat(after.body().path("history").findValuesAsString("by")).containsExactly(REPLACEMENT, name);
        assertThat(after.body().path("decisions").get(0).path("recordedBy").asString()).isEqualTo(REPLACEMENT);
        assertThat(api.get("/api/interests/" + interest).body().path("statedBy").asString()).isEqualTo(REPLACEMENT);
        EventEnvelope announced = awaitEvents(PartnershipContracts.PARTNERSHIPS, partnership.id(), 4).get(3);
        assertThat(announced.type()).isEqualTo("se.samverka.partnership.staffNamesErased");
        assertThat(announced.data()).contains(partnership.id()).doesNotContain(tag);

        assertThat(erase(Map.of("subject", subject, "name", name, "replacement", REPLACEMENT))
                .path("entriesChanged")).as("nothing left to change").isEqualTo(JSON.readTree(
                "{\"call\": 0, \"interest\": 0, \"introduction\": 0, \"partnership\": 0}"));
        assertThat(api.get(uri).etag()).isEqualTo(after.etag());
        assertThat(entries(api.get("/api/personal-data/staff?subject={subject}&name={name}", subject, name).body()))
                .isEmpty();
        assertThat(entries(api.get("/api/personal-data/staff?subject={subject}&name={name}",
                "anna." + tag + "@foretaget.se", name).body())).as("the namesake's own step stays theirs")
                .containsExactly(tuple("partnership", partnership.id(), "history[1].by"));
    }

    @Test
    void aRequestWithoutWhomOrWithoutAReplacementIsRefusedNamingTheField() {
        problem(api.http().get().uri("/api/personal-data/staff?name=Anna"), "subject");
        problem(api.http().get().uri("/api/personal-data/staff?subject={subject}&name={name}", "anna@ostersund.se",
                " "), "name");
        problem(api.http().post().uri("/api/personal-data/staff/erasure").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", "anna@ostersund.se", "name", "Anna")), "replacement");
        problem(api.http().post().uri("/api/personal-data/staff/erasure").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", "anna@ostersund.se", "name", "Anna", "replacement", "Anna")), "replacement");
        problem(api.http().post().uri("/api/personal-data/staff/erasure").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("subject", "x".repeat(255), "name", "Anna", "replacement", "STAFF")), "subject");
    }

    private JsonNode erase(Map<String, Object> body) {
        return JSON.readTree(api.http().post().uri("/api/personal-data/staff/erasure")
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isOk().returnResult(String.class).getResponseBody());
    }

    private static List<Tuple> entries(JsonNode export) {
        return export.path("entries").valueStream().map(entry -> tuple(entry.path("aggregate").asString(),
                entry.path("aggregateId").asString(), entry.path("entry").asString())).toList();
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("\"", ""));
    }

    private static void problem(RestTestClient.RequestHeadersSpec<?> request, String field) {
        request.exchange().expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[?(@.field == '" + field + "')].reason").exists();
    }
}
