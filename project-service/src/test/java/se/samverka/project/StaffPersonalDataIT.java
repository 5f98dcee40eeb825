package se.samverka.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.directory.Directory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names of people in a project's history are personal data too: each entry keeps who did it by the subject of
 * their tokens beside the name, a person's entries are exported on request and erased (named by their role and
 * organisation instead), the change announced by an event that names no one.
 */
class StaffPersonalDataIT extends ServiceIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REPLACEMENT = "STAFF, Kultur- och fritidsförvaltningen";

    @Autowired
    Directory directory;
    @Autowired
    MongoOperations mongo;

    @Test
    void aPersonsEntriesAreExportedThenErasedOnceWhileANamesakesStay() {
        Announcements announce = new Announcements(bootstrapServers(), directory);
        String municipality = announce.organisation("Östersunds kommun", "MUNICIPALITY", "SE", "SE-Z");
        String owner = announce.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z",
                municipality);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String subject = "anna." + tag + "@ostersund.se";
        String name = "Anna Andersson " + tag;
        Api anna = api.as(TestTokens.token().role("STAFF").organisation(owner).subject(subject).name(name).build());
        Api namesake = api.as(TestTokens.token().role("STAFF").organisation(owner)
                .subject("anna." + tag + "@foretaget.se").name(name).build());

        Api.Resource project = anna.created("/api/projects", Map.of("title", "Nordic Bridges " + tag,
                "ownerOrganisationId", owner));
        String uri = "/api/projects/" + project.id();
        project = anna.change(HttpMethod.PUT, uri + "/health", project.etag(), Map.of("status", "AT_RISK",
                "note", "Partnern svarar inte"));
        project = namesake.change(HttpMethod.POST, uri + "/indicators", project.etag(), Map.of("kind", "OUTPUT",
                "name", "Utbyten", "unit", "st", "baseline", 0, "target", 10));
        String indicator = project.body().path("indicators").get(0).path("indicatorId").asString();
        project = namesake.change(HttpMethod.POST, uri + "/indicators/" + indicator + "/reports", project.etag(),
                Map.of("reportedOn", "2026-01-15", "value", 3));
        project = anna.change(HttpMethod.POST, uri + "/indicators/" + indicator + "/reports", project.etag(),
                Map.of("reportedOn", "2026-02-15", "value", 5));
        project = namesake.change(HttpMethod.POST, uri + "/transitions", project.etag(), Map.of("to", "PRE_STUDY",
                "reason", "Förstudie"));

        Document stored = mongo.findById(project.id(), Document.class, "projects");
        assertThat(stored.getEmbedded(List.of("state", "health"), Document.class).getString("assessedBySubject"))
                .as("who judged it, by their subject").isEqualTo(subject);
        assertThat(project.body().toString()).as("the subject is kept, not shown").doesNotContain(subject)
                .doesNotContain("Subject");
        // The registration recorded before subjects were kept: found by the name alone.
        mongo.updateFirst(Query.query(Criteria.where("_id").is(project.id())),
                new Update().unset("state.history.0.bySubject"), "projects");

        JsonNode export = api.get("/api/personal-data/staff?subject={subject}&name={name}", subject, name).body();
        assertThat(entries(export)).containsExactly(
                tuple("project", project.id(), "history[0].by"),
                tuple("project", project.id(), "health.assessedBy"),
                tuple("project", project.id(), "indicatorReports[1].reportedBy"));
        assertThat(export.path("entries").get(1).path("on").asString()).as("a judgement is kept by its day")
                .isEqualTo(project.body().path("health").path("assessedOn").asString());

        JsonNode erased = erase(Map.of("subject", subject, "name", name, "replacement", REPLACEMENT));

        assertThat(erased.path("entriesChanged")).isEqualTo(JSON.readTree("{\"project\": 3}"));
        Api.Resource after = api.get(uri);
        assertThat(version(after.etag())).as("one change, one event").isEqualTo(version(project.etag()) + 1);
        assertThat(after.body().path("history").findValuesAsString("by")).containsExactly(REPLACEMENT, name);
        assertThat(after.body().path("health").path("assessedBy").asString()).isEqualTo(REPLACEMENT);
        assertThat(after.body().path("indicators").get(0).path("reports").findValuesAsString("reportedBy"))
                .containsExactly(name, REPLACEMENT);
        List<EventEnvelope> events = awaitEvents(ProjectContracts.PROJECTS, project.id(), (int) version(after.etag()));
        EventEnvelope announced = events.get(events.size() - 1);
        assertThat(announced.type()).isEqualTo("se.samverka.project.staffNamesErased");
        assertThat(announced.data()).contains(project.id()).doesNotContain(tag);

        assertThat(erase(Map.of("subject", subject, "name", name, "replacement", REPLACEMENT))
                .path("entriesChanged")).as("nothing left to change").isEqualTo(JSON.readTree("{\"project\": 0}"));
        assertThat(api.get(uri).etag()).isEqualTo(after.etag());
        assertThat(entries(api.get("/api/personal-data/staff?subject={subject}&name={name}", subject, name).body()))
                .isEmpty();
        assertThat(entries(api.get("/api/personal-data/staff?subject={subject}&name={name}",
                "anna." + tag + "@foretaget.se", name).body())).as("the namesake's own entries stay theirs")
                .containsExactly(tuple("project", project.id(), "history[1].by"),
                        tuple("project", project.id(), "indicatorReports[0].reportedBy"));
    }

    @Test
    void aRequestWithoutWhomOrWithoutAReplacementIsRefusedNamingTheField() {
        api.http().get().uri("/api/personal-data/staff?subject={subject}", "anna@ostersund.se").exchange()
                .expectStatus().isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                .expectBody().jsonPath("$.errors[?(@.field == 'name')].reason").exists();
        api.expectProblem("/api/personal-data/staff/erasure", Map.of("subject", "anna@ostersund.se", "name", "Anna",
                "replacement", " "), HttpStatus.UNPROCESSABLE_CONTENT, "replacement");
        api.expectProblem("/api/personal-data/staff/erasure", Map.of("name", "Anna", "replacement", "STAFF"),
                HttpStatus.UNPROCESSABLE_CONTENT, "subject");
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
}
