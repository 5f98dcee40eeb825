package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/** The introductions' pages: the list, an introduction with both sides, and its answers and outcomes. */
class IntroductionPagesTest extends GatewayTest {

    private static final String COMPANY = TestTokens.token().role("COMPANY").organisation("o7").name("Karin Företag")
            .build();
    private static final String ADMIN = TestTokens.token().role("ADMIN").organisation("o0").name("Anna Admin").build();
    /** Proposed by the coordinator's department o0; the company o7 has not answered, Kajaani (o3) has accepted. */
    private static final String PROPOSED = """
            {"id":"n1","version":2,"interestId":"i1","interestTitle":"Exportpartner i Trøndelag","organisationId":"o7",
             "organisationName":"Jämtbygg AB","counterpartKind":"PARTNERSHIP","counterpartId":"s2",
             "counterpartName":"Vänort Kajaani","counterpartOrganisationId":"o3",
             "counterpartOrganisationName":"Kajaanin kaupunki","partnershipId":"s2","partnershipName":"Vänort Kajaani",
             "proposedAt":"2026-11-30T10:00:00Z","proposedByOrganisationId":"o0","note":"Träffas på mässan.",
             "status":"PROPOSED","answers":[{"organisationId":"o3","answer":"ACCEPTED","at":"2026-12-01T08:00:00Z"}],
             "outcomes":[]}""";
    private static final String ACCEPTED = PROPOSED.replace("\"status\":\"PROPOSED\"", "\"status\":\"ACCEPTED\"")
            .replace("\"answers\":[", "\"answers\":[{\"organisationId\":\"o7\",\"answer\":\"ACCEPTED\","
                    + "\"at\":\"2026-12-02T08:00:00Z\"},")
            .replace("\"outcomes\":[]", "\"outcomes\":[{\"outcome\":\"MEETING\",\"outcomeOn\":\"2027-01-10\"},"
                    + "{\"outcome\":\"PROJECT_REGISTERED\",\"outcomeOn\":\"2027-03-01\",\"projectId\":\"p5\","
                    + "\"note\":\"Gemensamt Interreg-projekt\"}]");

    @Test
    void theListShowsTheIntroductionsTheReaderMaySee() {
        PARTNERSHIP.answer("/api/introductions?size=100&status=PROPOSED", 200,
                "{\"items\":[" + PROPOSED + "],\"page\":0,\"size\":100,\"totalItems\":1,\"totalPages\":1}");

        String page = http.get().uri("/introductions?status=PROPOSED").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<h1>Introduktioner</h1>", "1 introduktion", "href=\"/introductions/n1\"",
                "Exportpartner i Trøndelag", "(Jämtbygg AB)", "Vänort Kajaani", "Föreslagen", "2026-11-30",
                "<option value=\"PROPOSED\" selected=\"selected\">Föreslagen</option>");

        http.get().uri("/introductions").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/login");
    }

    @Test
    void aSideThatHasNotAnsweredIsOfferedToAcceptOrDecline() {
        PARTNERSHIP.answer("/api/introductions/n1", 200, PROPOSED);

        String page = page("/introductions/n1", COMPANY);

        assertThat(page).contains("Exportpartner i Trøndelag – Vänort Kajaani", "Föreslagen", "href=\"/interests/i1\"",
                "href=\"/partnerships/s2\"", "(Partnerskap)", "Träffas på mässan.", "Jämtbygg AB", "Har inte svarat",
                "Kajaanin kaupunki", "Tackade ja 2026-12-01", "action=\"/introductions/n1/answers\"",
                "value=\"&quot;2&quot;\"", ">Tacka ja</button>", ">Tacka nej</button>", "Inget utfall ännu.")
                .as("one form: the company's own side").doesNotContain("Tacka ja för", "/introductions/n1/outcomes");
        assertThat(page).doesNotContain("name=\"organisationId\"");
    }

    @Test
    void theCoordinatorAnswersOnASidesBehalfInEnglishToo() {
        PARTNERSHIP.answer("/api/introductions/n1", 200, PROPOSED);

        String page = page("/introductions/n1?lang=en", ADMIN);

        assertThat(page).contains("Proposed", "The sides", "Accept for Jämtbygg AB", "Decline for Jämtbygg AB",
                "<input type=\"hidden\" name=\"organisationId\" value=\"o7\">", "Accepted 2026-12-01")
                .as("Kajaani answered already").doesNotContain("Accept for Kajaanin kaupunki");
    }

    @Test
    void anAnswerIsSentForTheSideWithTheVersion() {
        http.post().uri("/introductions/n1/answers").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("answer", "DECLINED").with("side", "o7").with("organisationId", "o7")
                        .with("version", "\"2\""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/introductions/n1");

        assertThat(PARTNERSHIP.received("/api/introductions/n1/answers")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.ifMatch()).isEqualTo("\"2\"");
            assertThat(request.body()).isEqualTo("{\"organisationId\":\"o7\",\"answer\":\"DECLINED\"}");
        });
    }

    @Test
    void anAnswerAlreadyGivenIsSaidInTheServicesWordsAndAConflictInTheReadersOwn() {
        PARTNERSHIP.answer("/api/introductions/n1", 200, PROPOSED).answer("/api/introductions/n1/answers", 409, """
                {"title":"Conflict","status":409,"detail":"Jämtbygg AB har redan svarat."}""");
        String refused = post("/introductions/n1/answers", COMPANY, BodyInserters.fromFormData("answer", "ACCEPTED")
                .with("side", "o7").with("version", "\"2\""), 409);
        assertThat(refused).contains("Det finns fel att rätta", "Jämtbygg AB har redan svarat.");

        PARTNERSHIP.answer("/api/introductions/n1/answers", 412, "{\"title\":\"Precondition failed\",\"status\":412}");
        String conflicted = post("/introductions/n1/answers", COMPANY, BodyInserters.fromFormData("answer", "ACCEPTED")
                .with("side", "o7").with("version", "\"1\""), 412);
        assertThat(conflicted).contains("Någon annan har ändrat introduktionen", "href=\"/introductions/n1\"");
    }

    @Test
    void anAcceptedIntroductionShowsItsOutcomesAndTheFormToRecordOne() {
        PARTNERSHIP.answer("/api/introductions/n1", 200, ACCEPTED);
        PROJECT.answer("/api/projects?size=100&owner=o7", 200, "{\"items\":[{\"id\":\"p5\",\"title\":\"Trähus Kajaani\"}]}")
                .answer("/api/projects?size=100&owner=o3", 200, "{\"items\":[]}");

        String page = page("/introductions/n1", COMPANY);

        assertThat(page).contains("Antagen", "Tackade ja 2026-12-02", "Ett möte", "2027-01-10",
                "Ett projekt registrerades", "href=\"/projects/p5\"", "Gemensamt Interreg-projekt",
                "action=\"/introductions/n1/outcomes\"", "<label for=\"outcomes-outcome\">Utfall (obligatoriskt)</label>",
                "<label for=\"outcomes-outcomeOn\">Datum (obligatoriskt)</label>",
                "<option value=\"p5\">Trähus Kajaani</option>")
                .doesNotContain("/introductions/n1/answers");
    }

    @Test
    void anOutcomeRefusedAtItsProjectIsShownThere() {
        PARTNERSHIP.answer("/api/introductions/n1", 200, ACCEPTED).answer("/api/introductions/n1/outcomes", 422, """
                {"title":"Invalid request","status":422,
                 "errors":[{"field":"projectId","reason":"is required for PROJECT_REGISTERED"}]}""");

        String page = post("/introductions/n1/outcomes?lang=en", COMPANY, BodyInserters.fromFormData("outcome",
                "PROJECT_REGISTERED").with("outcomeOn", "2027-03-01").with("projectId", "").with("note", "Nytt")
                .with("version", "\"5\""), 422);

        assertThat(page).contains("href=\"#outcomes-projectId\"",
                "The project (when a project was registered): is required for PROJECT_REGISTERED",
                "id=\"outcomes-projectId-error\"", "id=\"outcomes-outcomeOn\" name=\"outcomeOn\" value=\"2027-03-01\"",
                "name=\"version\" value=\"&quot;5&quot;\"");
        assertThat(page).containsPattern("value=\"PROJECT_REGISTERED\"\\s+selected");
        assertThat(PARTNERSHIP.received("/api/introductions/n1/outcomes")).singleElement().satisfies(request -> {
            assertThat(request.ifMatch()).isEqualTo("\"5\"");
            assertThat(request.body()).isEqualTo("{\"outcome\":\"PROJECT_REGISTERED\",\"outcomeOn\":\"2027-03-01\","
                    + "\"note\":\"Nytt\"}");
        });
    }

    @Test
    void aReaderOfNeitherSideIsOfferedNothing() {
        PARTNERSHIP.answer("/api/introductions/n1", 200, ACCEPTED);

        assertThat(page("/introductions/n1", TestTokens.partner("o9"))).contains("Exportpartner i Trøndelag")
                .doesNotContain("/introductions/n1/answers", "/introductions/n1/outcomes");
        assertThat(PROJECT.received()).isEmpty();
    }

    private String page(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private String post(String uri, String token, BodyInserters.FormInserter<String> form, int status) {
        return http.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).body(form).exchange()
                .expectStatus().isEqualTo(status)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
