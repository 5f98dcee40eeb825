package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/** The funding calls' pages: the list anyone may read, a call's page, and the coordinator's forms that keep them. */
class CallPagesTest extends GatewayTest {

    private static final String REFERENCE = """
            {"strategy":{"strategies":[{"code":"S3","name":{"sv":"Samverkan med näringsliv","en":"Business cooperation"}}],
                         "growthAreas":[{"code":"EXPERIENCE_INDUSTRY","name":{"sv":"Upplevelseindustri","en":"Experience industry"}}]},
             "fundingProgrammes":{"programmes":[{"code":"INTERREG_AURORA","name":{"sv":"Interreg Aurora","en":"Interreg Aurora"}},
                                                {"code":"ERASMUS_PLUS","name":{"sv":"Erasmus+","en":"Erasmus+"}}]}}""";
    private static final String OPEN = """
            {"items":[{"id":"c1","name":"Småprojekt 2027","nameEn":"Small projects 2027","programme":"INTERREG_AURORA",
                       "deadline":"2027-02-15","status":"OPEN","daysLeft":12}],"page":0,"size":100,"totalItems":1,"totalPages":1}""";
    private static final String UPCOMING = """
            {"items":[{"id":"c2","name":"Vänortsutbyte","programme":"ERASMUS_PLUS","opensOn":"2027-03-01",
                       "deadline":"2027-05-01","status":"UPCOMING","daysLeft":87}],"page":0,"size":100,"totalItems":1,"totalPages":1}""";
    private static final String CALL = """
            {"id":"c1","version":3,"programme":"INTERREG_AURORA","name":"Småprojekt 2027","nameEn":"Small projects 2027",
             "summary":"Små gränsöverskridande projekt.","opensOn":"2026-12-01","deadline":"2027-02-15",
             "budget":{"amount":"2000000.00","currency":"EUR"},"themes":["CLIMATE"],"growthAreas":["EXPERIENCE_INDUSTRY"],
             "strategies":["S3"],"eligibleCountries":["FI","NO","SE"],"eligibleOrganisationTypes":["MUNICIPALITY","COMPANY"],
             "url":"https://www.interregaurora.eu/","visibility":"PUBLIC","status":"OPEN","daysLeft":12}""";
    private static final String MATCHES = """
            {"callId":"c1","matches":[
              {"kind":"PARTNERSHIP","id":"s2","name":"Vänort Kajaani","organisationId":"o3","organisationName":"Kommunledningsförvaltningen",
               "country":"FI","score":100,"reasons":[{"code":"IN_PLACE","text":"Kajaanin kaupunki i Finland"}]},
              {"kind":"INTEREST","id":"i1","name":"Partner till en ansökan","organisationId":"o7","organisationName":"Jämtbygg AB",
               "country":"SE","score":90,"reasons":[{"code":"SEEKS_PURPOSE","text":"Söker partner för en ansökan"}]},
              {"kind":"PROJECT","id":"p9","name":"Arctic Experience","organisationId":"o4","organisationName":"Kommunledningsförvaltningen",
               "country":"SE","score":86,"reasons":[{"code":"SAME_THEME","text":"Samma globala fråga: klimat"}]}]}""";
    private static final String ADMIN = TestTokens.token().role("ADMIN").organisation("o0").name("Anna Admin").build();

    @Test
    void anyoneReadsTheOpenCallsFirstAndThenTheUpcomingOnesWithTheDaysLeft() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls?size=100&status=OPEN", 200, OPEN)
                .answer("/api/calls?size=100&status=UPCOMING", 200, UPCOMING);

        String page = http.get().uri("/calls").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Utlysningar</h1>", "2 utlysningar", "href=\"/calls/c1\"", "Småprojekt 2027",
                "Interreg Aurora", "Öppen", "12 dagar kvar", "Kommande", "87 dagar kvar",
                "<label for=\"programme\">Program</label>", "href=\"/calls?status=CLOSED\"")
                .as("only the coordinator publishes").doesNotContain("/calls/new");
        assertThat(page.indexOf("Småprojekt 2027")).isLessThan(page.indexOf("Vänortsutbyte"));
        assertThat(PARTNERSHIP.received("/api/calls?size=100&status=OPEN")).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isNull());
    }

    @Test
    void theListFiltersByProgrammeAndStatusAndSpeaksEnglish() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls?size=100&programme=INTERREG_AURORA&status=OPEN", 200, OPEN);

        String page = http.get().uri("/calls?programme=INTERREG_AURORA&status=OPEN&lang=en")
                .header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Funding calls</h1>", "1 funding call", "Small projects 2027", "12 days left",
                "<option value=\"INTERREG_AURORA\" selected=\"selected\">Interreg Aurora</option>",
                "<option value=\"OPEN\" selected=\"selected\">Open</option>", "href=\"/calls/new\"",
                "Publish a new funding call");
    }

    @Test
    void theListStillOpensWithoutTheReferenceData() {
        PROJECT.answer("/api/reference", 500, "{}");
        PARTNERSHIP.answer("/api/calls?size=100&status=OPEN", 200, OPEN)
                .answer("/api/calls?size=100&status=UPCOMING", 200, UPCOMING);

        String page = http.get().uri("/calls").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).as("the programme by its code").contains("Småprojekt 2027", "INTERREG_AURORA");
    }

    @Test
    void aCallsPageShowsAllItsFieldsAndForThePublicNoForm() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls/c1", 200, CALL);

        String page = http.get().uri("/calls/c1").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Småprojekt 2027</h1>", "Små gränsöverskridande projekt.", "Interreg Aurora",
                "Öppen", "2026-12-01", "2027-02-15", "12 dagar kvar", "2\u00a0000\u00a0000,00 EUR", "Klimat",
                "Upplevelseindustri", "S3", "Finland, Norge, Sverige", "Kommun, Företag", "Öppen för alla",
                "href=\"https://www.interregaurora.eu/\"")
                .doesNotContain("/calls/c1/edit", "/calls/c1/withdrawal", "Vad som kan svara på utlysningen");
        assertThat(PARTNERSHIP.received("/api/calls/c1/matches?limit=20")).as("matches are for the staff").isEmpty();
    }

    @Test
    void staffSeeWhatMightAnswerTheCallEachLinkedAndNoneToBeIntroduced() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls/c1", 200, CALL).answer("/api/calls/c1/matches?limit=20", 200, MATCHES);

        String page = http.get().uri("/calls/c1").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Vad som kan svara på utlysningen", "href=\"/partnerships/s2\"", "(Partnerskap)",
                "Passar 100 av 100", "Kajaanin kaupunki i Finland", "href=\"/interests/i1\"", "(Intresse)",
                "Söker partner för en ansökan", "href=\"/projects/p9\"", "Arctic Experience", "(Projekt)")
                .doesNotContain("Föreslå introduktion", "/calls/c1/edit");
        assertThat(page.indexOf("Vänort Kajaani")).isLessThan(page.indexOf("Arctic Experience"));
    }

    @Test
    void theCallIsShownWhenItsMatchesCannotBeRead() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls/c1", 200, CALL).answer("/api/calls/c1/matches?limit=20", 503, "{\"status\":503}");

        String page = http.get().uri("/calls/c1?lang=en").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Small projects 2027</h1>", "What might answer the call",
                "The suggestions cannot be shown right now.", "action=\"/calls/c1/withdrawal\"");
    }

    @Test
    void theCoordinatorIsOfferedTheChangeAndTheWithdrawalInEnglishToo() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls/c1", 200, CALL);

        String page = http.get().uri("/calls/c1?lang=en").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Small projects 2027</h1>", "Deadline", "12 days left", "Climate",
                "Experience industry", "Finland, Norway, Sweden", "Municipality, Company",
                "href=\"/calls/c1/edit\"", "action=\"/calls/c1/withdrawal\"", "value=\"&quot;3&quot;\"",
                "<label for=\"withdrawal-reason\">Why (required)</label>", "Withdraw the call");
    }

    @Test
    void anUnknownCallIsNotFound() {
        PARTNERSHIP.answer("/api/calls/c9", 404, "{\"status\":404}");

        http.get().uri("/calls/c9").exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(page -> assertThat(page).contains("Sidan finns inte"));
    }

    @Test
    void onlyTheCoordinatorOpensTheFormToPublish() {
        http.get().uri("/calls/new").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0"))).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/calls/new").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/login");

        PROJECT.answer("/api/reference", 200, REFERENCE);
        String page = http.get().uri("/calls/new").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Publicera utlysning", "<label for=\"call-programme\">Program (obligatoriskt)</label>",
                "<label for=\"call-deadline\">Sista dag för ansökan (obligatoriskt)</label>",
                "<legend>Globala frågor</legend>", "Mänskliga rättigheter", "Upplevelseindustri",
                "S3 – Samverkan med näringsliv", "Förening eller idéburen organisation", "value=\"EUR\"");
        assertThat(page).containsPattern("value=\"PUBLIC\"\\s+required\\s+checked");
    }

    @Test
    void aPublishedCallOpensItsPage() {
        PARTNERSHIP.answer("/api/calls", 201, "{\"id\":\"c7\",\"version\":1}");

        http.post().uri("/calls/new").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("programme", "INTERREG_AURORA").with("name", " Småprojekt 2028 ")
                        .with("nameEn", "").with("deadline", "2028-02-15").with("budget", "1 500 000,50")
                        .with("currency", "eur").with("visibility", "PUBLIC").with("themes", "CLIMATE")
                        .with("themes", "DEMOCRACY").with("eligibleCountries", "fi, no se")
                        .with("eligibleOrganisationTypes", "COMPANY"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/calls/c7");

        assertThat(PARTNERSHIP.received("/api/calls")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).contains("\"programme\":\"INTERREG_AURORA\"", "\"name\":\"Småprojekt 2028\"",
                            "\"deadline\":\"2028-02-15\"", "\"themes\":[\"CLIMATE\",\"DEMOCRACY\"]",
                            "\"growthAreas\":[]", "\"eligibleCountries\":[\"FI\",\"NO\",\"SE\"]",
                            "\"eligibleOrganisationTypes\":[\"COMPANY\"]",
                            "\"budget\":{\"amount\":\"1500000.50\",\"currency\":\"EUR\"}")
                    .as("what is left empty is left out").doesNotContain("nameEn", "opensOn");
        });
    }

    @Test
    void whatTheServiceRefusesIsShownNextToItsFieldInEitherLanguage() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls", 422, """
                {"title":"Invalid request","status":422,"errors":[
                  {"field":"deadline","reason":"must not be before opensOn"},
                  {"field":"budget.amount","reason":"must be positive"}]}""");

        for (String language : new String[] {"sv", "en"}) {
            String page = http.post().uri("/calls/new?lang=" + language).header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                    .body(BodyInserters.fromFormData("programme", "ERASMUS_PLUS").with("name", "Vänort")
                            .with("opensOn", "2027-05-01").with("deadline", "2027-04-01").with("budget", "-1")
                            .with("themes", "DIVERSITY").with("visibility", "COUNTY"))
                    .exchange()
                    .expectStatus().isEqualTo(422)
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).returnResult().getResponseBody();

            assertThat(page).contains("href=\"#call-deadline\"", "id=\"call-deadline-error\"",
                    "aria-describedby=\"call-deadline-error\"", "aria-invalid=\"true\"", "href=\"#call-budget\"",
                    "must be positive", "value=\"Vänort\"", "value=\"2027-04-01\"",
                    "<option value=\"ERASMUS_PLUS\" selected=\"selected\">Erasmus+</option>");
            assertThat(page).containsPattern("value=\"DIVERSITY\"\\s+checked")
                    .containsPattern("value=\"COUNTY\"\\s+required\\s+checked");
            assertThat(page).contains(language.equals("sv")
                    ? "Sista dag för ansökan: must not be before opensOn" : "Application deadline: must not be before opensOn");
        }
    }

    @Test
    void theEditFormShowsTheCallAsItIsAndSendsTheVersionItWasOpenedAt() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls/c1", 200, CALL);

        String page = http.get().uri("/calls/c1/edit").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Ändra utlysningen", "action=\"/calls/c1/edit\"", "value=\"&quot;3&quot;\"",
                "value=\"Småprojekt 2027\"", "value=\"FI, NO, SE\"", "value=\"2000000.00\"", "value=\"EUR\"");
        assertThat(page).containsPattern("value=\"CLIMATE\"\\s+checked").containsPattern("value=\"S3\"\\s+checked")
                .containsPattern("value=\"EXPERIENCE_INDUSTRY\"\\s+checked");

        http.post().uri("/calls/c1/edit").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("programme", "INTERREG_AURORA").with("name", "Småprojekt 2027")
                        .with("deadline", "2027-03-01").with("visibility", "PUBLIC").with("version", "\"3\""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/calls/c1");
        assertThat(PARTNERSHIP.received("/api/calls/c1")).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> {
                    assertThat(request.ifMatch()).isEqualTo("\"3\"");
                    assertThat(request.body()).contains("\"deadline\":\"2027-03-01\"", "\"themes\":[]");
                });
    }

    @Test
    void aConflictedChangeKeepsTheVersionItWasWrittenAgainst() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls/c1", 200, CALL)
                .answer("PUT", "/api/calls/c1", 412, "{\"title\":\"Precondition failed\",\"status\":412}");

        String page = http.post().uri("/calls/c1/edit").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("programme", "INTERREG_AURORA").with("name", "Mitt namn")
                        .with("deadline", "2027-03-01").with("visibility", "PUBLIC").with("version", "\"2\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat utlysningen", "href=\"/calls/c1/edit\"", "value=\"Mitt namn\"",
                "name=\"version\" value=\"&quot;2&quot;\"");
    }

    @Test
    void aWithdrawalSendsWhyWithTheVersionAndAConflictIsSaidOnTheCallsPage() {
        PARTNERSHIP.answer("/api/calls/c1/withdrawal", 204, "");

        http.post().uri("/calls/c1/withdrawal").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("reason", "Programmet drog in den").with("version", "\"3\""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/calls/c1");
        assertThat(PARTNERSHIP.received("/api/calls/c1/withdrawal")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.ifMatch()).isEqualTo("\"3\"");
            assertThat(request.body()).isEqualTo("{\"reason\":\"Programmet drog in den\"}");
        });

        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls/c1", 200, CALL)
                .answer("/api/calls/c1/withdrawal", 412, "{\"title\":\"Precondition failed\",\"status\":412}");
        String page = http.post().uri("/calls/c1/withdrawal").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("reason", "Indragen").with("version", "\"2\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Småprojekt 2027", "Någon annan har ändrat utlysningen",
                "id=\"withdrawal-reason\" name=\"reason\" value=\"Indragen\"");
    }
}
