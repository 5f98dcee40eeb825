package se.samverka.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.directory.Directory;
import tools.jackson.databind.JsonNode;

class ProjectPortfolioIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    @Autowired
    Directory directory;
    @Autowired
    MongoOperations mongo;
    @Autowired
    MeterRegistry meters;

    private Announcements announce;
    private String municipality;
    private String department;

    @BeforeEach
    void directory() {
        announce = new Announcements(bootstrapServers(), directory);
        municipality = announce.organisation("Östersunds kommun", "MUNICIPALITY", "SE", "SE-Z");
        department = announce.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z", municipality);
    }

    @Test
    void registersAProjectWithItsWholeDescriptionAndAnnouncesItWithItsAssessment() {
        String partnership = announce.partnership("Vänort Trondheim", "ACTIVE");
        String contact = announce.contactPerson(department);

        Api.Resource created = api.created("/api/projects", project("Vinterstaden Östersund–Trondheim",
                "acronym", "WINTERCITY", "summary", "Vinterstäder utvecklar besöksnäring tillsammans.",
                "registrationNumber", "KFN 2026/41", "visibility", "COUNTY", "partnershipIds", List.of(partnership),
                "contactPersonIds", List.of(contact), "strategies", List.of("S1", "S3"), "actions", List.of("S1.1", "S3.1"),
                "growthAreas", List.of("EXPERIENCE_INDUSTRY"), "themes", List.of("CLIMATE"), "sdgs", List.of(8, 11),
                "plannedStart", "2027-01-01", "plannedEnd", "2028-12-31",
                "mutualInterest", "Trondheim får metoder för vinterturism, Östersund nya besökare."));

        JsonNode project = created.body();
        assertThat(created.etag()).as("registration and assessment: two events").isEqualTo("\"2\"");
        assertThat(project.path("status").asString()).isEqualTo("IDEA");
        assertThat(project.path("owner").path("name").asString()).isEqualTo("Kultur- och fritidsförvaltningen");
        assertThat(project.path("partnerships").get(0).path("name").asString()).isEqualTo("Vänort Trondheim");
        assertThat(project.path("allowedTransitions").toString()).isEqualTo("[\"PRE_STUDY\",\"CANCELLED\"]");
        assertThat(project.path("assessment").path("score").asDouble()).isEqualTo(40.0);
        assertThat(project.path("assessment").path("criteria").get(4).path("explanation").asString())
                .contains("Upplevelseindustri");

        List<EventEnvelope> events = awaitEvents(ProjectContracts.PROJECTS, created.id(), 2);
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("se.samverka.project.registered", "se.samverka.project.assessed");
        assertThat(events.get(0).data()).contains("\"partnershipIds\":[\"" + partnership + "\"]", "\"sdgs\":[8,11]",
                "\"actions\":[\"S1.1\",\"S3.1\"]").doesNotContain("Trondheim får metoder");
        assertThat(events.get(1).data()).contains("\"score\":40.0", "\"criterion\":\"MUTUAL_INTEREST\"");
    }

    @Test
    void aRegistrationReadsTheDirectoryOnceForItsChecksItsAssessmentAndItsAnswer() {
        String partnership = announce.partnership("Vänort Kajaani", "ACTIVE");
        long organisationsBefore = reads("known_organisations");
        long partnershipsBefore = reads("known_partnerships");

        JsonNode project = api.created("/api/projects", project("Ett besök i Kajaani", "partnershipIds",
                List.of(partnership))).body();

        assertThat(project.path("owner").path("name").asString()).isEqualTo("Kultur- och fritidsförvaltningen");
        assertThat(project.path("partnerships").get(0).path("name").asString()).isEqualTo("Vänort Kajaani");
        assertThat(reads("known_organisations") - organisationsBefore).as("reads of organisations").isEqualTo(1);
        assertThat(reads("known_partnerships") - partnershipsBefore).as("reads of partnerships").isEqualTo(1);
    }

    @Test
    void referencesItDoesNotKnowAreRefusedFieldByFieldAndNothingIsWritten() {
        long before = mongo.getCollection("projects").countDocuments();
        String city = announce.organisation("Sanoks kommun", "FOREIGN_CITY", "PL", "PL-18");
        String ended = announce.partnership("Gammal vänort", "UNDER_REVIEW");
        announce.partnershipEnded(ended);

        refused(project("X", "ownerOrganisationId", "no-such"), "ownerOrganisationId");
        refused(project("X", "ownerOrganisationId", city), "ownerOrganisationId");
        refused(project("X", "partnershipIds", List.of("no-such")), "partnershipIds[0]");
        refused(project("X", "partnershipIds", List.of(ended)), "partnershipIds[0]");
        refused(project("X", "contactPersonIds", List.of("no-such")), "contactPersonIds[0]");
        refused(project("X", "strategies", List.of("S9")), "strategies[0]");
        refused(project("X", "strategies", List.of("S1"), "actions", List.of("S3.1")), "actions[0]");
        refused(project("X", "growthAreas", List.of("SPACE_TOURISM")), "growthAreas[0]");
        refused(project("X", "sdgs", List.of(18)), "sdgs[0]");
        refused(project("X", "plannedStart", "2028-01-01", "plannedEnd", "2027-01-01"), "plannedEnd");
        refused(project("X", "status", "ONGOING"), "status");
        api.expectProblem("/api/projects", "{\"title\": ", HttpStatus.BAD_REQUEST, null);

        assertThat(mongo.getCollection("projects").countDocuments()).isEqualTo(before);
    }

    @Test
    void aChangeNeedsTheVersionItIsBasedOnAndIsAnnounced() {
        Api.Resource created = api.created("/api/projects", project("Ungdomsutbyte"));
        Map<String, Object> changed = project("Ungdomsutbyte Kajaani", "growthAreas", List.of("EDUCATION_CITY"));
        String uri = "/api/projects/" + created.id();

        api.refused(HttpMethod.PUT, uri, null, changed, HttpStatus.PRECONDITION_REQUIRED);
        Api.Resource updated = api.change(HttpMethod.PUT, uri, created.etag(), changed);
        api.refused(HttpMethod.PUT, uri, created.etag(), changed, HttpStatus.PRECONDITION_FAILED);

        assertThat(updated.body().path("title").asString()).isEqualTo("Ungdomsutbyte Kajaani");
        assertThat(updated.etag()).as("updated and re-assessed").isEqualTo("\"4\"");
        assertThat(awaitEvents(ProjectContracts.PROJECTS, created.id(), 4)).extracting(EventEnvelope::type).containsExactly(
                "se.samverka.project.registered", "se.samverka.project.assessed", "se.samverka.project.updated",
                "se.samverka.project.assessed");
    }

    @Test
    void anErasedContactPersonIsDroppedFromEveryProject() {
        String contact = announce.contactPerson(department);
        String other = announce.contactPerson(department);
        Api.Resource created = api.created("/api/projects", project("Kulturutbyte", "contactPersonIds", List.of(contact, other)));

        announce.contactPersonErased(department, contact);

        await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/api/projects/{id}", created.id()).body()
                .path("contactPersonIds").toString().equals("[\"" + other + "\"]"));
        EventEnvelope updated = awaitEvents(ProjectContracts.PROJECTS, created.id(), 3).get(2);
        assertThat(updated.type()).isEqualTo("se.samverka.project.updated");
        assertThat(updated.data()).doesNotContain(contact);
    }

    @Test
    void listsFilterByWhatMattersToTheCoordinatorPageAndSort() {
        String tag = "Listprojekt " + System.nanoTime();
        String schools = announce.organisation("Barn- och utbildningsförvaltningen", "DEPARTMENT", "SE", "SE-Z", municipality);
        String norway = announce.organisation("Trondheim kommune", "FOREIGN_CITY", "NO", "NO-50");
        String partnership = announce.partnership("Trondheim", "ACTIVE");
        Api.Resource a = api.created("/api/projects", project(tag + " A", "strategies", List.of("S1"),
                "growthAreas", List.of("EDUCATION_CITY"), "plannedStart", "2027-03-01", "plannedEnd", "2027-09-30",
                "partnershipIds", List.of(partnership), "visibility", "PUBLIC"));
        api.change(HttpMethod.POST, "/api/projects/" + a.id() + "/partners", a.etag(),
                Map.of("organisationId", norway, "role", "PARTNER"));
        api.created("/api/projects", project(tag + " B", "ownerOrganisationId", schools, "strategies", List.of("S2"),
                "plannedStart", "2028-01-01", "mutualInterest", "Båda vinner.",
                "growthAreas", List.of("EXPERIENCE_INDUSTRY")));

        assertThat(total("q=" + tag)).isEqualTo(2);
        assertThat(total("q=" + tag + "&strategy=S1&growthArea=EDUCATION_CITY")).isEqualTo(1);
        assertThat(total("q=" + tag + "&country=NO")).isEqualTo(1);
        assertThat(total("q=" + tag + "&owner=" + schools)).isEqualTo(1);
        assertThat(total("q=" + tag + "&year=2027")).isEqualTo(1);
        assertThat(total("q=" + tag + "&year=2029")).as("B is open-ended from 2028").isEqualTo(1);
        assertThat(total("q=" + tag + "&visibility=PUBLIC&partnership=" + partnership)).isEqualTo(1);
        assertThat(total("q=" + tag + "&status=IDEA")).isEqualTo(2);
        assertThat(api.get("/api/projects?q={q}&sort=-score&size=1", tag).body().path("items").get(0).path("title")
                .asString()).isEqualTo(tag + " B");
    }

    @Test
    void textNoOneCanMeanIsRefusedNamingTheFieldAndNothingIsWritten() {
        long before = mongo.getCollection("projects").countDocuments();

        refused(project("Kulturutbyte", "summary", "Ett utbyte\u0085med Sanok"), "summary");
        refused(project("Kulturutbyte", "strategies", List.of("S1"), "actions", List.of("S1.1\u0000")), "actions[0]");
        JsonNode surrogate = api.inLanguage("sv").refused(HttpMethod.POST, "/api/projects", null,
                "{\"title\": \"Kulturutbyte \\udbff\", \"ownerOrganisationId\": \"" + department + "\"}", UNPROCESSABLE);
        assertThat(surrogate.path("errors").get(0).path("field").asString()).isEqualTo("title");
        assertThat(surrogate.path("errors").get(0).path("reason").asString())
                .isEqualTo("måste vara giltig Unicode-text; ett ensamt surrogattecken U+DBFF på position 14");

        assertThat(mongo.getCollection("projects").countDocuments()).isEqualTo(before);
    }

    @Test
    void aSearchTermIsFoundAsItIsAndAYearIsOneADateCanHold() {
        String tag = "Bokstavligt " + System.nanoTime();
        api.created("/api/projects", project(tag + " (Vinter.*stad) 100%"));

        assertThat(total("q=" + tag)).isEqualTo(1);
        assertThat(api.get("/api/projects?q={q}", tag + " (vinter.*STAD) 100%").body().path("totalItems").asLong())
                .isEqualTo(1);
        for (String odd : List.of(".*", "\u0000", "(", "[", "\\", "\\E", "$where")) {
            assertThat(api.get("/api/projects?q={q}", tag + odd).body().path("totalItems").asLong()).as(odd).isZero();
        }
        JsonNode year = api.refused(HttpMethod.GET, "/api/projects?year=2000000000", null, null, UNPROCESSABLE);
        assertThat(year.path("errors").get(0).path("field").asString()).isEqualTo("year");
        JsonNode status = api.refused(HttpMethod.GET, "/api/projects?status=DREAMING", null, null, UNPROCESSABLE);
        assertThat(status.path("errors").get(0).path("field").asString()).isEqualTo("status");
    }

    @Test
    void servesTheReferenceDataProjectsAreDescribedWith() {
        JsonNode reference = api.get("/api/reference").body();

        assertThat(reference.path("strategy").path("strategies").findValuesAsString("code")).contains("S1", "S2", "S3");
        assertThat(reference.path("fundingProgrammes").path("programmes").findValuesAsString("code"))
                .contains("INTERREG_AURORA", "ERASMUS_PLUS", "ICLD_MUNICIPAL_PARTNERSHIP", "OWN_BUDGET");
        api.http().get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.paths['/api/projects/{id}/funding-lines'].post").exists();
    }

    private long total(String query) {
        return api.get("/api/projects?" + query).body().path("totalItems").asLong();
    }

    private void refused(Map<String, Object> body, String field) {
        api.expectProblem("/api/projects", body, UNPROCESSABLE, field);
    }

    /** Queries of a collection this service has sent to the store, as its driver counted them. */
    /** Reads of a read model's collection, whichever generation of it (a rebuild in another test may have switched). */
    private long reads(String collection) {
        return meters.find("mongodb.driver.commands").tags("command", "find").timers().stream()
                .filter(timer -> String.valueOf(timer.getId().getTag("collection")).startsWith(collection))
                .mapToLong(Timer::count).sum();
    }

    private Map<String, Object> project(String title, Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "ownerOrganisationId", department));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }
}
