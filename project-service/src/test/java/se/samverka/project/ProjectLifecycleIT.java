package se.samverka.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ProblemBundles;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.directory.Directory;
import tools.jackson.databind.JsonNode;

/** Every step of a project's lifecycle, each guard, and the history they leave. */
class ProjectLifecycleIT extends ServiceIntegrationTest {

    private static final HttpStatus CONFLICT = HttpStatus.CONFLICT;

    @Autowired
    Directory directory;

    private String department;
    private String partner;
    private Api.Resource project;
    private String uri;

    @BeforeEach
    void aProject() {
        Announcements announce = new Announcements(bootstrapServers(), directory);
        department = announce.organisation("Barn- och utbildningsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        partner = announce.organisation("Kajaanin kaupunki", "FOREIGN_CITY", "FI", "FI-05");
        project = api.created("/api/projects", Map.of("title", "Skolutbyte Kajaani", "ownerOrganisationId", department));
        uri = "/api/projects/" + project.id();
    }

    @Test
    void aProjectGoesFromIdeaToClosedWhenEachConditionIsMet() {
        step("PRE_STUDY", "Förstudie beviljad internt");
        step("APPLICATION_DRAFT", "Ansökan skrivs");
        refusedStep("SUBMITTED", "funding line");
        project = change(HttpMethod.POST, "/funding-lines", Map.of("programme", "ERASMUS_PLUS",
                "applied", Map.of("amount", "60000", "currency", "EUR")));
        step("SUBMITTED", "Ansökan inskickad");
        refusedStep("APPROVED", "granted");
        String line = project.body().path("fundingLines").get(0).path("fundingLineId").asString();
        project = change(HttpMethod.PUT, "/funding-lines/" + line, Map.of("programme", "ERASMUS_PLUS",
                "applied", Map.of("amount", "60000", "currency", "EUR"), "granted", Map.of("amount", "52000", "currency", "EUR")));
        project = change(HttpMethod.POST, "/transitions", Map.of("to", "APPROVED", "reason", "Beviljad",
                "decision", Map.of("body", "Universitets- och högskolerådet", "decidedOn", "2026-06-15",
                        "registrationNumber", "BUN 2026/77")));
        refusedStep("ONGOING", "actual start");
        project = change(HttpMethod.PUT, "", Map.of("title", "Skolutbyte Kajaani", "ownerOrganisationId", department,
                "actualStart", "2026-08-20"));
        refusedStep("ONGOING", "partner");
        project = change(HttpMethod.POST, "/partners", Map.of("organisationId", partner, "role", "PARTNER"));
        step("ONGOING", "Första utbytet");
        step("SUSPENDED", "Pandemi");
        step("ONGOING", "Återupptas");
        refusedStep("FINAL_REPORTED", "final report");
        project = change(HttpMethod.PUT, "/final-report", Map.of("submittedOn", "2026-11-01", "summary", "Klart."));
        step("FINAL_REPORTED", "Slutrapport inlämnad");
        refusedStep("CLOSED", "actual end");
        project = change(HttpMethod.PUT, "", Map.of("title", "Skolutbyte Kajaani", "ownerOrganisationId", department,
                "actualStart", "2026-08-20", "actualEnd", "2026-10-31"));
        step("CLOSED", "Avslutat");

        assertThat(project.body().path("allowedTransitions").size()).isZero();
        JsonNode history = project.body().path("history");
        assertThat(history.findValuesAsString("to")).containsExactly("IDEA", "PRE_STUDY", "APPLICATION_DRAFT", "SUBMITTED",
                "APPROVED", "ONGOING", "SUSPENDED", "ONGOING", "FINAL_REPORTED", "CLOSED");
        assertThat(history.get(4).path("decision").path("registrationNumber").asString()).isEqualTo("BUN 2026/77");
        assertThat(history.get(6).path("reason").asString()).isEqualTo("Pandemi");

        List<EventEnvelope> statusChanges = awaitEvents(ProjectContracts.PROJECTS, project.id(), 2).stream()
                .filter(event -> event.type().equals("se.samverka.project.statusChanged")).toList();
        assertThat(statusChanges).hasSize(9);
        assertThat(statusChanges.get(3).data()).contains("\"to\":\"APPROVED\"", "\"registrationNumber\":\"BUN 2026/77\"")
                .doesNotContain("Beviljad");
    }

    @Test
    void aStepNotAllowedFromHereIsAConflictListingTheAllowedOnes() {
        JsonNode problem = api.refused(HttpMethod.POST, uri + "/transitions", project.etag(),
                Map.of("to", "ONGOING", "reason", "Kör"), CONFLICT);

        assertThat(problem.path("allowedTransitions").toString()).isEqualTo("[\"PRE_STUDY\",\"CANCELLED\"]");
        assertThat(problem.path("from").asString()).isEqualTo("IDEA");
        assertThat(problem.path("detail").asString()).isEqualTo("A project that is IDEA cannot become ONGOING.");
        JsonNode inSwedish = api.inLanguage("sv").refused(HttpMethod.POST, uri + "/transitions", project.etag(),
                Map.of("to", "ONGOING", "reason", "Kör"), CONFLICT);
        assertThat(inSwedish.path("title").asString()).isEqualTo("Inte möjligt nu");
        assertThat(inSwedish.path("detail").asString()).isEqualTo("Ett projekt med status Idé kan inte få status Pågående.");
        api.refused(HttpMethod.POST, uri + "/transitions", project.etag(), Map.of("to", "CANCELLED"),
                HttpStatus.UNPROCESSABLE_CONTENT);
    }

    @Test
    void anApplicationEndsRejectedOrWithdrawnAndAnOpenProjectCanBeCancelled() {
        step("PRE_STUDY", "Förstudie");
        step("APPLICATION_DRAFT", "Utkast");
        project = change(HttpMethod.POST, "/funding-lines", Map.of("programme", "CREATIVE_EUROPE",
                "applied", Map.of("amount", "200000", "currency", "EUR")));
        step("SUBMITTED", "Inskickad");
        step("REJECTED", "Avslag från programmet");

        JsonNode problem = api.refused(HttpMethod.POST, uri + "/transitions", project.etag(),
                Map.of("to", "CANCELLED", "reason", "Slut"), CONFLICT);
        assertThat(problem.path("allowedTransitions").size()).isZero();

        Api.Resource other = api.created("/api/projects", Map.of("title", "Annat", "ownerOrganisationId", department));
        Api.Resource cancelled = api.change(HttpMethod.POST, "/api/projects/" + other.id() + "/transitions", other.etag(),
                Map.of("to", "CANCELLED", "reason", "Prioriteras bort"));
        assertThat(cancelled.body().path("status").asString()).isEqualTo("CANCELLED");
    }

    @Test
    void itsProblemTextsAreCompleteInSwedishAndComeOutAsWritten() {
        ProblemBundles.assertComplete("problems");
    }

    private void step(String to, String reason) {
        project = change(HttpMethod.POST, "/transitions", Map.of("to", to, "reason", reason));
        assertThat(project.body().path("status").asString()).isEqualTo(to);
    }

    private void refusedStep(String to, String because) {
        JsonNode problem = api.refused(HttpMethod.POST, uri + "/transitions", project.etag(),
                Map.of("to", to, "reason", "Försök"), CONFLICT);
        assertThat(problem.path("detail").asString()).contains(because);
    }

    private Api.Resource change(HttpMethod method, String path, Object body) {
        return api.change(method, uri + path, project.etag(), body);
    }
}
