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
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.directory.Directory;
import tools.jackson.databind.JsonNode;

/** A project's parts: partners, money, indicators, activities, health and final report. */
class ProjectPartsIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    @Autowired
    Directory directory;

    private Announcements announce;
    private String department;
    private Api.Resource project;
    private String uri;

    @BeforeEach
    void aProject() {
        announce = new Announcements(bootstrapServers(), directory);
        String municipality = announce.organisation("Östersunds kommun", "MUNICIPALITY", "SE", "SE-Z");
        department = announce.organisation("Miljö- och samhällsförvaltningen", "DEPARTMENT", "SE", "SE-Z", municipality);
        project = api.created("/api/projects", Map.of("title", "Rent vatten i Selenge", "ownerOrganisationId", department));
        uri = "/api/projects/" + project.id();
    }

    @Test
    void partnersBringTheirCountriesAndSectorsAndChangeTheAssessment() {
        String selenge = announce.organisation("Selenge Aimag", "FOREIGN_REGION", "MN", "MN-049");
        String university = announce.organisation("Mittuniversitetet", "UNIVERSITY", "SE", "SE-Z");
        String region = announce.organisation("Region Jämtland Härjedalen", "REGION", "SE", "SE-Z");

        project = change(HttpMethod.POST, "/partners", Map.of("organisationId", selenge, "role", "PARTNER"));
        project = change(HttpMethod.POST, "/partners", Map.of("organisationId", university, "role", "ASSOCIATED"));
        project = change(HttpMethod.POST, "/partners", Map.of("organisationId", region, "role", "FUNDER"));

        assertThat(project.body().path("countries").toString()).isEqualTo("[\"MN\",\"SE\"]");
        assertThat(project.body().path("partners").get(0).path("name").asString()).isEqualTo("Selenge Aimag");
        JsonNode regional = project.body().path("assessment").path("criteria").get(0);
        assertThat(regional.path("met").asBoolean()).isTrue();
        assertThat(regional.path("explanation").asString()).contains("Mittuniversitetet", "Region Jämtland Härjedalen");

        refused(HttpMethod.POST, "/partners", Map.of("organisationId", department, "role", "LEAD"), "organisationId");
        refused(HttpMethod.POST, "/partners", Map.of("organisationId", selenge, "role", "LEAD"), "organisationId");
        refused(HttpMethod.POST, "/partners", Map.of("organisationId", "no-such", "role", "LEAD"), "organisationId");
        project = change(HttpMethod.DELETE, "/partners/" + region, null);
        api.refused(HttpMethod.DELETE, uri + "/partners/" + region, project.etag(), null, HttpStatus.NOT_FOUND);

        List<EventEnvelope> events = awaitEvents(ProjectContracts.PROJECTS, project.id(), 9);
        assertThat(events).extracting(EventEnvelope::type).contains("se.samverka.project.partnerAdded",
                "se.samverka.project.partnerRemoved", "se.samverka.project.assessed");
    }

    @Test
    void moneyIsExactAndTotalledPerCurrency() {
        project = change(HttpMethod.POST, "/funding-lines", Map.of("programme", "ICLD_MUNICIPAL_PARTNERSHIP",
                "call", "Kommunala partnerskap 2027", "applied", money("0.10", "SEK"), "ownContribution", money("0.20", "SEK")));
        project = change(HttpMethod.POST, "/funding-lines", Map.of("programme", "INTERREG_AURORA",
                "applied", money("1250000.00", "EUR"), "granted", money("1100000", "EUR"),
                "ownContribution", money(0.1, "SEK")));
        String interreg = project.body().path("fundingLines").get(1).path("fundingLineId").asString();
        project = change(HttpMethod.PUT, "/funding-lines/" + interreg, Map.of("programme", "INTERREG_AURORA",
                "applied", money("1250000.00", "EUR"), "granted", money("1100000", "EUR"), "paid", money("275000.50", "EUR"),
                "ownContribution", money(0.1, "SEK"), "decidedOn", "2026-11-20"));

        JsonNode totals = project.body().path("fundingTotals");
        assertThat(totals.toString()).contains(
                "{\"currency\":\"EUR\",\"applied\":{\"amount\":\"1250000.00\",\"currency\":\"EUR\"},"
                        + "\"granted\":{\"amount\":\"1100000.00\",\"currency\":\"EUR\"},"
                        + "\"paid\":{\"amount\":\"275000.50\",\"currency\":\"EUR\"}",
                "{\"currency\":\"SEK\",\"applied\":{\"amount\":\"0.10\",\"currency\":\"SEK\"}");
        assertThat(totals.get(1).path("ownContribution").path("amount").asString()).as("0.20 + 0.10, exactly")
                .isEqualTo("0.30");

        refused(HttpMethod.POST, "/funding-lines", Map.of("programme", "LOTTERY", "applied", money("1", "SEK")), "programme");
        refused(HttpMethod.POST, "/funding-lines", Map.of("programme", "OWN_BUDGET", "applied", money("1", "XYZ")),
                "applied.currency");
        refused(HttpMethod.POST, "/funding-lines", Map.of("programme", "OWN_BUDGET", "applied", money("10.5", "JPY")),
                "applied.amount");
        refused(HttpMethod.POST, "/funding-lines", Map.of("programme", "OWN_BUDGET", "applied", money("100", "SEK"),
                "granted", money("101", "SEK")), "granted.amount");
        refused(HttpMethod.POST, "/funding-lines", Map.of("programme", "OWN_BUDGET", "applied", money("100", "SEK"),
                "granted", money("100", "EUR")), "granted.currency");
        refused(HttpMethod.POST, "/funding-lines", Map.of("programme", "OWN_BUDGET", "applied", money("100", "SEK"),
                "paid", money("1", "SEK")), "paid");
        refused(HttpMethod.POST, "/funding-lines", Map.of("programme", "OWN_BUDGET", "applied", money("-1", "SEK")),
                "applied.amount");

        EventEnvelope changed = awaitEvents(ProjectContracts.PROJECTS, project.id(), 5).get(4);
        assertThat(changed.type()).isEqualTo("se.samverka.project.fundingLineChanged");
        assertThat(changed.data()).contains("\"paid\":{\"amount\":\"275000.50\",\"currency\":\"EUR\"}");
    }

    @Test
    void aFundingLineNamesACallOfItsProgrammeThatIsNotWithdrawn() {
        String aurora = announce.call("Interreg Aurora, call 4", "INTERREG_AURORA");
        String erasmus = announce.call("Erasmus+ KA2", "ERASMUS_PLUS");
        String cancelled = announce.call("Interreg Aurora, call 3", "INTERREG_AURORA");
        announce.callWithdrawn(cancelled);

        refused(HttpMethod.POST, "/funding-lines", line("INTERREG_AURORA", "no-such-call"), "callId");
        refused(HttpMethod.POST, "/funding-lines", line("INTERREG_AURORA", cancelled), "callId");
        JsonNode problem = api.refused(HttpMethod.POST, uri + "/funding-lines", project.etag(),
                line("INTERREG_AURORA", erasmus), UNPROCESSABLE);
        assertThat(problem.path("errors").get(0).path("reason").asString())
                .isEqualTo("'Erasmus+ KA2' is a call of ERASMUS_PLUS, not of the line's programme");
        project = change(HttpMethod.POST, "/funding-lines", line("INTERREG_AURORA", aurora));

        JsonNode line = project.body().path("fundingLines").get(0);
        assertThat(line.path("callId").asString()).isEqualTo(aurora);
        assertThat(line.path("callName").asString()).isEqualTo("Interreg Aurora, call 4");
        long version = Long.parseLong(project.etag().replace("\"", ""));
        assertThat(awaitEvents(ProjectContracts.PROJECTS, project.id(), (int) version))
                .filteredOn(event -> event.type().equals("se.samverka.project.fundingLineAdded"))
                .singleElement().extracting(EventEnvelope::data).asString().contains("\"callId\":\"" + aurora + "\"");
        Map<String, Object> imports = Map.of("projects", List.of(Map.of("key", "AURORA-1",
                "description", Map.of("title", "Importerat", "ownerOrganisationId", department),
                "fundingLines", List.of(line("INTERREG_AURORA", aurora), line("INTERREG_AURORA", erasmus)))));
        JsonNode imported = api.refused(HttpMethod.POST, "/api/projects/imports", null, imports, UNPROCESSABLE);
        assertThat(imported.path("errors").findValuesAsString("field"))
                .containsExactly("projects[0].fundingLines[1].callId");
    }

    @Test
    void indicatorsShowProgressFromBaselineToTarget() {
        project = change(HttpMethod.POST, "/indicators", Map.of("kind", "RESULT", "name", "Hushåll med rent vatten",
                "unit", "hushåll", "baseline", 200, "target", "1200"));
        String indicator = project.body().path("indicators").get(0).path("indicatorId").asString();
        assertThat(project.body().path("assessment").path("criteria").get(3).path("met").asBoolean()).isTrue();

        project = change(HttpMethod.POST, "/indicators/" + indicator + "/reports", Map.of("reportedOn", "2026-06-30", "value", 450));
        project = change(HttpMethod.POST, "/indicators/" + indicator + "/reports", Map.of("reportedOn", "2026-10-31", "value", 700));

        JsonNode view = project.body().path("indicators").get(0);
        assertThat(view.path("latest").asString()).isEqualTo("700");
        assertThat(view.path("progress").asString()).isEqualTo("50.0");
        assertThat(view.path("reports").size()).isEqualTo(2);
        api.refused(HttpMethod.POST, uri + "/indicators/no-such/reports", project.etag(),
                Map.of("reportedOn", "2026-10-31", "value", 1), HttpStatus.NOT_FOUND);
        refused(HttpMethod.POST, "/indicators", Map.of("kind", "OUTPUT", "name", "X", "unit", "st", "baseline", 5,
                "target", 5), "target");
        refused(HttpMethod.POST, "/indicators", Map.of("kind", "IMPACT", "name", "X", "unit", "st", "target", 5), "kind");
    }

    @Test
    void activitiesCountTheirParticipantsBySectorAndGender() {
        project = change(HttpMethod.POST, "/activities", Map.of("type", "PROJECT_WORKSHOP",
                "title", "Projektverkstad vatten", "heldOn", "2026-09-14", "place", "Sükhbaatar", "country", "MN",
                "participants", List.of(participants("PUBLIC", "WOMEN", 6), participants("PUBLIC", "MEN", 4),
                        participants("SOCIAL_ECONOMY", "OTHER", 1))));
        project = change(HttpMethod.POST, "/activities", Map.of("type", "STUDY_VISIT", "title", "Studiebesök Östersund",
                "heldOn", "2026-10-02", "country", "SE", "participants", List.of(participants("PRIVATE", "WOMEN", 3))));

        JsonNode participants = project.body().path("participants");
        assertThat(participants.path("total").asInt()).isEqualTo(14);
        assertThat(participants.path("bySector").path("PUBLIC").asInt()).isEqualTo(10);
        assertThat(participants.path("byGender").path("WOMEN").asInt()).isEqualTo(9);

        String visit = project.body().path("activities").get(1).path("activityId").asString();
        project = change(HttpMethod.DELETE, "/activities/" + visit, null);
        assertThat(project.body().path("participants").path("total").asInt()).isEqualTo(11);
        refused(HttpMethod.POST, "/activities", Map.of("type", "PARTY", "title", "X", "heldOn", "2026-01-01"), "type");
        refused(HttpMethod.POST, "/activities", Map.of("type", "EXCHANGE", "title", "X", "heldOn", "2026-01-01",
                "country", "XX"), "country");
        refused(HttpMethod.POST, "/activities", Map.of("type", "EXCHANGE", "title", "X", "heldOn", "2026-01-01",
                "participants", List.of(participants("PUBLIC", "WOMEN", -1))), "participants[0].count");
    }

    @Test
    void healthAndFinalReportAreAnnouncedWithoutTheirText() {
        project = change(HttpMethod.PUT, "/health", Map.of("status", "AT_RISK", "note", "Leverantören har gått i konkurs"));
        project = change(HttpMethod.PUT, "/final-report", Map.of("submittedOn", "2026-11-01",
                "summary", "Projektet nådde 700 hushåll."));

        assertThat(project.body().path("health").path("status").asString()).isEqualTo("AT_RISK");
        assertThat(project.body().path("finalReport").path("summary").asString()).isEqualTo("Projektet nådde 700 hushåll.");
        List<EventEnvelope> events = awaitEvents(ProjectContracts.PROJECTS, project.id(), 4);
        assertThat(events.get(2).type()).isEqualTo("se.samverka.project.healthChanged");
        assertThat(events.get(2).data()).contains("\"health\":\"AT_RISK\"").doesNotContain("konkurs");
        assertThat(events.get(3).data()).contains("\"submittedOn\":\"2026-11-01\"").doesNotContain("700 hushåll");
    }

    private Api.Resource change(HttpMethod method, String path, Object body) {
        return api.change(method, uri + path, project.etag(), body);
    }

    private void refused(HttpMethod method, String path, Object body, String field) {
        JsonNode problem = api.refused(method, uri + path, project.etag(), body, UNPROCESSABLE);
        assertThat(problem.path("errors").findValuesAsString("field")).as(problem.toString()).contains(field);
    }

    private static Map<String, Object> line(String programme, String callId) {
        return Map.of("programme", programme, "callId", callId, "applied", money("1000000", "EUR"));
    }

    private static Map<String, Object> money(Object amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    private static Map<String, Object> participants(String sector, String gender, int count) {
        return Map.of("sector", sector, "gender", gender, "count", count);
    }
}
