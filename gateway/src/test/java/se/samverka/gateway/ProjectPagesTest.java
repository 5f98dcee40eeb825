package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/** The project pages: the list with its filters, and a project's page composed from every service. */
class ProjectPagesTest extends GatewayTest {

    private static final String VINTERSTADEN = """
            {"id":"p1","version":7,"acronym":"WINTERCITY","title":"Vinterstaden Östersund–Trondheim",
             "titleEn":"Winter city","summary":"Gemensamma vinterevenemang.","registrationNumber":"KS 2025/117",
             "visibility":"PUBLIC","status":"ONGOING","health":{"status":"AT_RISK","note":"Sen utbetalning"},
             "allowedTransitions":["SUSPENDED","CANCELLED"],
             "owner":{"id":"o0","name":"Kultur- och fritidsförvaltningen"},"countries":["NO","SE"],
             "strategies":["S2"],"plannedStart":"2025-09-01","plannedEnd":"2027-08-31",
             "partners":[{"organisationId":"o1","role":"PARTNER","name":"Trondheim kommune","country":"NO"}],
             "partnershipIds":["s1"],
             "fundingLines":[{"fundingLineId":"f1","programme":"INTERREG_SWEDEN_NORWAY","call":"Utlysning 2025:1",
               "applied":{"amount":"6400000.00","currency":"SEK"},"granted":{"amount":"6000000.00","currency":"SEK"}}],
             "indicators":[{"indicatorId":"i1","name":"Gemensamma vinterevenemang","unit":"evenemang","baseline":"0",
               "target":"6","latest":"2","progress":"33.3"}],
             "activities":[{"activityId":"a1","type":"STUDY_VISIT","title":"Studiebesök på Trondheim Vinterfest",
               "heldOn":"2026-02-06","place":"Trondheim"}],
             "assessment":{"score":60.0,"maxScore":100.0,"criteria":[
               {"criterion":"REGIONAL_ACTORS","met":true,"explanation":"Flera regionala aktörer deltar."},
               {"criterion":"MUTUAL_INTEREST","met":false,"explanation":"Ömsesidigt intresse är inte beskrivet."}]},
             "history":[{"to":"IDEA","at":"2025-06-01T08:00:00Z","by":"Anna","reason":"Registrerat"},
                        {"from":"APPROVED","to":"ONGOING","at":"2025-09-01T08:00:00Z","reason":"Projektet har startat"}]}""";
    private static final String FIGURES = """
            {"projectId":"p1","funding":{"sek":{"applied":"6400000.00","granted":"6000000.00","paid":"0.00",
              "ownContribution":"0.00"}}}""";

    @Test
    void aProjectsPageComposesEverythingTheViewGives() {
        PROJECT.answer("/api/projects/p1", 200, VINTERSTADEN).answer("/api/reference", 200, """
                {"fundingProgrammes":{"programmes":[{"code":"INTERREG_SWEDEN_NORWAY",
                  "name":{"sv":"Interreg Sverige–Norge","en":"Interreg Sweden–Norway"}}]}}""");
        PARTNERSHIP.answer("/api/organisations/o1", 200, "{\"id\":\"o1\",\"name\":\"Trondheim kommune\"}")
                .answer("/api/partnerships/s1", 200, "{\"id\":\"s1\",\"name\":\"Regionalt samarbete Trondheim\"}");
        REPORTING.answer("/api/reports/projects/p1", 200, FIGURES);

        String page = page("/projects/p1", TestTokens.staff("o0"));

        assertThat(page).as("the reader may change it: the forms are there").contains("Till: Vilande",
                "Lägg till partner", "Lägg till finansiering", "Ändra beskrivningen");
        assertThat(page).contains("Vinterstaden Östersund–Trondheim", "(WINTERCITY)", "Pågående", "Risk för avvikelse",
                "Sen utbetalning", "KS 2025/117", "Öppen för alla", "Trondheim kommune", "Regionalt samarbete Trondheim",
                "6\u00a0400\u00a0000,00 SEK", "Utlysning 2025:1", "Gemensamma vinterevenemang (evenemang)", "33,3 %",
                "Studiebesök på Trondheim Vinterfest", "60 av 100 poäng", "Inte uppfyllt",
                "Ömsesidigt intresse är inte beskrivet.", "Projektet har startat", "Totalt i kronor");
        assertThat(page).as("names where the services give codes").contains("Norge, Sverige", "<td>Norge</td>",
                "Interreg Sverige–Norge");
        assertThat(page).doesNotContain("kan inte visas just nu");
    }

    @Test
    void aReaderWhoMayNotChangeTheProjectSeesItsPartsWithoutForms() {
        PROJECT.answer("/api/projects/p1", 200, """
                {"id":"p1","version":9,"title":"Vinterstaden","status":"FINAL_REPORTED","visibility":"PUBLIC",
                 "allowedTransitions":[],"owner":{"id":"o0","name":"Kultur- och fritidsförvaltningen"},
                 "health":{"status":"ON_TRACK","assessedOn":"2027-09-01"},
                 "indicators":[{"indicatorId":"i1","kind":"RESULT","name":"Nya kontakter","unit":"kontakter",
                   "baseline":"0","target":"10","latest":"12","latestOn":"2027-06-01","progress":"120.0"}],
                 "activities":[{"activityId":"a1","type":"PROJECT_WORKSHOP","title":"Projektverkstad om vinterturism",
                   "heldOn":"2026-05-01","place":"Östersund","country":"SE",
                   "participants":[{"sector":"PUBLIC","gender":"WOMEN","count":13},
                                   {"sector":"PRIVATE","gender":"MEN","count":12}]}],
                 "participants":{"total":25,"bySector":{"PRIVATE":12,"PUBLIC":13},"byGender":{"MEN":12,"WOMEN":13}},
                 "finalReport":{"submittedOn":"2027-09-30","summary":"Sex evenemang och tolv nya kontakter."}}""");

        String page = page("/projects/p1", TestTokens.partner("o9"));

        assertThat(page).contains("(bedömt 2027-09-01)", "<td>Resultat</td>", "2027-06-01", "120 %",
                "Projektverkstad om vinterturism", "25 deltagare sammanlagt", "<dt>Kvinnor</dt><dd>13</dd>",
                "<dt>Näringsliv</dt><dd>12</dd>", "<h2 id=\"final-report\">Slutrapport</h2>", "Inlämnad 2027-09-30",
                "Sex evenemang och tolv nya kontakter.");
        assertThat(page).as("no forms for one who may not change it").doesNotContain(
                "method=\"post\" action=\"/projects/p1", "Ändra projektet");
    }

    @Test
    void aPartThatCannotBeReadIsSaidToBeMissing() {
        PROJECT.answer("/api/projects/p1", 200, VINTERSTADEN);
        PARTNERSHIP.answer("/api/organisations/o1", 200, "{\"id\":\"o1\"}").answer("/api/partnerships/s1", 500, "{}");
        REPORTING.answer("/api/reports/projects/p1", 500, "{}");

        assertThat(page("/projects/p1", TestTokens.staff("o0"))).contains("kan inte visas just nu",
                "Vinterstaden Östersund–Trondheim");
    }

    @Test
    void aProjectTheReaderMayNotSeeIsNotFound() {
        PROJECT.answer("/api/projects/hidden", 404, "{\"title\":\"Not found\",\"status\":404}");

        http.get().uri("/projects/hidden").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o9")))
                .exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(page -> assertThat(page).contains("Sidan finns inte"));
    }

    @Test
    void anAnonymousReaderGetsThePublicProjectsWithoutLogin() {
        PROJECT.answer("/api/projects/p1", 200, VINTERSTADEN);

        String page = http.get().uri("/projects/p1").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Vinterstaden Östersund–Trondheim", "Logga in");
        assertThat(PROJECT.received("/api/projects/p1").get(0).authorization()).isNull();
    }

    @Test
    void theListFiltersAsProjectServiceDoes() {
        PROJECT.answer("/api/projects?q=vinter&status=ONGOING&size=20", 200, """
                {"items":[{"id":"p1","title":"Vinterstaden Östersund–Trondheim","status":"ONGOING",
                  "owner":{"name":"Kultur- och fritidsförvaltningen"},"countries":["NO","SE"]}],
                 "page":0,"size":20,"totalItems":1,"totalPages":1}""");

        String page = page("/projects?q=vinter&status=ONGOING&strategy=", TestTokens.partner("o9"));

        assertThat(page).contains("1 projekt", "href=\"/projects/p1\"", "Vinterstaden Östersund–Trondheim", "Norge, Sverige",
                "value=\"vinter\"");
        assertThat(PROJECT.received("/api/projects?q=vinter&status=ONGOING&size=20")).hasSize(1);
    }

    private String page(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
