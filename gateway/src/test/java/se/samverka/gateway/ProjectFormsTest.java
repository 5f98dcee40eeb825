package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/** The forms that register and change a project: what they send, and what they show of a refusal. */
class ProjectFormsTest extends GatewayTest {

    private static final String REFERENCE = """
            {"strategy":{"strategies":[{"code":"S1","name":{"sv":"Ökad kunskap","en":"More knowledge"}}],
              "growthAreas":[{"code":"EDUCATION_CITY","name":{"sv":"Utbildningsstaden","en":"Education city"}}]},
             "fundingProgrammes":{"programmes":[{"code":"OWN_BUDGET","name":{"sv":"Egen budget","en":"Own budget"}}]}}""";
    private static final String ORGANISATIONS = """
            {"items":[{"id":"o0","name":"Kultur- och fritidsförvaltningen","type":"DEPARTMENT","country":"SE"},
                      {"id":"o1","name":"Socialförvaltningen","type":"DEPARTMENT","country":"SE"},
                      {"id":"o2","name":"Trondheim kommune","type":"FOREIGN_CITY","country":"NO"}]}""";
    private static final String STAFF = TestTokens.staff("o0");
    /** A request with no body, as a DELETE is. */
    private static final Consumer<String> NO_BODY = body -> assertThat(body).isEmpty();
    /** An ongoing project with one of each part, as project-service shows it to one who may change it. */
    private static final String ONGOING = """
            {"id":"p1","version":7,"title":"Vinterstaden","status":"ONGOING","ownerOrganisationId":"o0",
             "allowedTransitions":["SUSPENDED","FINAL_REPORTED","CANCELLED"],
             "health":{"status":"AT_RISK","note":"Sen utbetalning","assessedOn":"2026-03-02"},
             "partners":[{"organisationId":"o2","role":"PARTNER","name":"Trondheim kommune","country":"NO"}],
             "fundingLines":[{"fundingLineId":"f-1","programme":"OWN_BUDGET",
               "applied":{"amount":"1000.00","currency":"SEK"}}],
             "indicators":[{"indicatorId":"i-1","kind":"OUTPUT","name":"Vinterevenemang","unit":"evenemang",
               "baseline":"0","target":"6","latest":"2","latestOn":"2026-02-01","progress":"33.3"}],
             "activities":[{"activityId":"a-1","type":"STUDY_VISIT","title":"Studiebesök i Trondheim",
               "heldOn":"2026-02-06","place":"Trondheim","country":"NO",
               "participants":[{"sector":"PUBLIC","gender":"WOMEN","count":4}]}],
             "participants":{"total":4,"bySector":{"PUBLIC":4},"byGender":{"WOMEN":4}}}""";

    /** The reader's own organisation, which the registration form asks for by id. */
    @BeforeEach
    void theReadersOrganisation() {
        PARTNERSHIP.answer("/api/organisations/o0", 200,
                "{\"id\":\"o0\",\"name\":\"Kultur- och fritidsförvaltningen\",\"type\":\"DEPARTMENT\",\"country\":\"SE\"}");
    }

    @Test
    void theNewProjectFormOffersTheReadersOwnOrganisationOnly() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.get().uri("/projects/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Registrera projekt", "Titel (obligatoriskt)", "S1 – Ökad kunskap", "Utbildningsstaden",
                "Kultur- och fritidsförvaltningen").doesNotContain("Socialförvaltningen", "Trondheim kommune");
    }

    @Test
    void theCoordinatorChoosesAmongEveryOwningOrganisationHoweverLargeTheDirectory() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?type=DEPARTMENT&size=200&sort=name", 200,
                "{\"items\":[{\"id\":\"o1\",\"name\":\"Socialförvaltningen\",\"type\":\"DEPARTMENT\"}]}");
        PARTNERSHIP.answer("/api/organisations?type=MUNICIPAL_COMPANY&size=200&sort=name", 200,
                "{\"items\":[{\"id\":\"o3\",\"name\":\"Jämtkraft AB\",\"type\":\"MUNICIPAL_COMPANY\"}]}");
        PARTNERSHIP.answer("/api/organisations?type=COMPANY&size=200&sort=name", 200,
                "{\"items\":[{\"id\":\"o4\",\"name\":\"Peak Innovation AB\",\"type\":\"COMPANY\"}]}");

        String page = http.get().uri("/projects/new").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Socialförvaltningen", "Jämtkraft AB", "Peak Innovation AB");
    }

    @Test
    void aRegisteredProjectOpensItsPage() {
        PROJECT.answer("/api/projects", 201, "{\"id\":\"p9\",\"version\":1}");

        http.post().uri("/projects/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "Ungdomsutbyte med Sanok").with("ownerOrganisationId", "o0")
                        .with("visibility", "COUNTY").with("strategies", "S1").with("acronym", ""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/projects/p9");

        assertThat(PROJECT.received("/api/projects")).singleElement().satisfies(request -> {
            assertThat(request.authorization()).isEqualTo(bearer(STAFF));
            assertThat(request.body()).contains("\"title\":\"Ungdomsutbyte med Sanok\"", "\"visibility\":\"COUNTY\"",
                    "\"strategies\":[\"S1\"]").doesNotContain("acronym");
        });
    }

    @Test
    void whatTheServiceRefusesIsShownNextToItsField() {
        PROJECT.answer("/api/reference", 200, REFERENCE).answer("/api/projects", 422, """
                {"title":"Invalid request","status":422,"errors":[{"field":"title","reason":"must not be blank"}]}""");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.post().uri("/projects/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "").with("ownerOrganisationId", "o0"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta", "href=\"#title\"", "Titel: must not be blank",
                "id=\"title-error\"", "aria-describedby=\"title-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void aChangeSendsTheVersionItWasOpenedAtAndKeepsWhatTheFormDoesNotShow() {
        PROJECT.answer("/api/reference", 200, REFERENCE)
                .answer("/api/projects/p1", 200, "{\"id\":\"p1\",\"version\":4,\"title\":\"Gammal titel\","
                        + "\"ownerOrganisationId\":\"o0\",\"contactPersonIds\":[\"c1\"],\"allowedTransitions\":[]}");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        http.post().uri("/projects/p1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "Ny titel").with("version", "\"3\"")
                        .with("ownerOrganisationId", "o0"))
                .exchange()
                .expectStatus().isSeeOther();
        assertThat(PROJECT.received("/api/projects/p1")).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> {
                    assertThat(request.ifMatch()).as("the version the form was opened at").isEqualTo("\"3\"");
                    assertThat(request.body()).as("what the form does not show is kept")
                            .contains("\"title\":\"Ny titel\"", "\"contactPersonIds\":[\"c1\"]");
                });
    }

    @Test
    void aConflictedDescriptionKeepsTheVersionItWasWrittenAgainstSoSendingItAgainIsRefusedAgain() {
        PROJECT.answer("/api/reference", 200, REFERENCE)
                .answer("/api/projects/p1", 200, "{\"id\":\"p1\",\"version\":5,\"title\":\"Ändrad av någon annan\","
                        + "\"ownerOrganisationId\":\"o0\",\"allowedTransitions\":[]}")
                .answer("PUT", "/api/projects/p1", 412, "{\"title\":\"Precondition failed\",\"status\":412}");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.post().uri("/projects/p1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("title", "Min titel").with("version", "\"4\"")
                        .with("ownerOrganisationId", "o0"))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat projektet", "value=\"Min titel\"")
                .contains("name=\"version\" value=\"&quot;4&quot;\"").doesNotContain("&quot;5&quot;");
    }

    @Test
    void aChangeSinceThePageWasOpenedIsAConflictSaidInWords() {
        PROJECT.answer("/api/reference", 200, REFERENCE)
                .answer("/api/projects/p1", 200, "{\"id\":\"p1\",\"version\":5,\"title\":\"Projektet\","
                        + "\"status\":\"IDEA\",\"allowedTransitions\":[\"PRE_STUDY\"]}")
                .answer("/api/projects/p1/transitions", 412, "{\"title\":\"Precondition failed\",\"status\":412}");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);
        REPORTING.answer("/api/reports/projects/p1", 404, "{\"status\":404}");

        String page = http.post().uri("/projects/p1/transitions").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("to", "PRE_STUDY").with("reason", "Förstudie").with("version", "\"4\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat projektet", "Till: Förstudie", "Projektet");
        assertThat(PROJECT.received("/api/projects/p1/transitions").get(0).ifMatch()).isEqualTo("\"4\"");
    }

    @Test
    void theEditFormShowsTheProjectAsItIs() {
        PROJECT.answer("/api/reference", 200, REFERENCE)
                .answer("/api/projects/p1", 200, "{\"id\":\"p1\",\"version\":4,\"title\":\"Gammal titel\","
                        + "\"ownerOrganisationId\":\"o0\",\"visibility\":\"COUNTY\",\"strategies\":[\"S1\"]}");
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.get().uri("/projects/p1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("value=\"Gammal titel\"", "value=\"&quot;4&quot;\"", "Ändra projektets beskrivning");
        assertThat(page).containsPattern("value=\"COUNTY\"\\s+checked");
    }

    @Test
    void theProjectPageOffersAFormForEveryPartTheReaderMayChange() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING).answer("/api/reference", 200, REFERENCE);

        String page = projectPage();

        assertThat(page).as("one form for each change project-service takes").contains(
                "action=\"/projects/p1/indicators\"", "action=\"/projects/p1/indicators/i-1/reports\"",
                "action=\"/projects/p1/indicators/i-1\"", "action=\"/projects/p1/activities\"",
                "action=\"/projects/p1/activities/a-1\"", "action=\"/projects/p1/activities/a-1/delete\"",
                "action=\"/projects/p1/health\"", "action=\"/projects/p1/final-report\"",
                "action=\"/projects/p1/partners/o2/delete\"", "action=\"/projects/p1/funding-lines/f-1/delete\"",
                "Ta bort Trondheim kommune som partner", "Ta bort aktiviteten Studiebesök i Trondheim");
        assertThat(page).as("every control labelled, the required ones marked").contains(
                "<label for=\"indicators-name\">Namn (obligatoriskt)</label>",
                "<legend>Typ av indikator (obligatoriskt)</legend>",
                "<label for=\"activities-heldOn\">Datum (obligatoriskt)</label>",
                "<legend>Läge (obligatoriskt)</legend>",
                "<label for=\"final-report-summary\">Sammanfattning (obligatoriskt)</label>",
                "for=\"activities-participants-PUBLIC-WOMEN\">Offentlig sektor: Kvinnor</label>");
        assertThat(page).as("the enumerations in Swedish").contains("Utfall", "Resultat", "Projektverkstad",
                "Avviker från plan", "Sociala ekonomin", "Annat eller ej angivet");
        assertThat(page).as("what is changed is shown as it is").contains(
                "id=\"indicators-i-1-name\" name=\"name\" value=\"Vinterevenemang\"",
                "id=\"activities-a-1-participants-PUBLIC-WOMEN\" name=\"participants-PUBLIC-WOMEN\" value=\"4\"");
        assertThat(page).contains("value=\"AT_RISK\" required checked")
                .containsPattern("type=\"number\"[^>]*step=\"any\"");
    }

    @Test
    void aPartnerIsChosenFromTheWholeDirectoryHoweverManyPagesItTakes() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING).answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, """
                        {"items":[{"id":"o0","name":"Kultur- och fritidsförvaltningen","type":"DEPARTMENT","country":"SE"}],
                         "page":0,"size":200,"totalItems":201,"totalPages":2}""")
                .answer("/api/organisations?size=200&sort=name&page=1", 200, """
                        {"items":[{"id":"o9","name":"Vasa stad","type":"FOREIGN_CITY","country":"FI"}],
                         "page":1,"size":200,"totalItems":201,"totalPages":2}""");

        assertThat(projectPage()).contains("Kultur- och fritidsförvaltningen (SE)", "Vasa stad (FI)");
    }

    @Test
    void theFormsSpeakEnglishToo() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING);

        String page = http.get().uri("/projects/p1?lang=en").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Add an indicator", "<legend>Kind of indicator (required)</legend>", "Social economy",
                "Report on or change: Vinterevenemang", "Remove Trondheim kommune as a partner",
                "Write the final report");
    }

    @Test
    void theFinalReportIsOfferedOnlyWhenTheLifecycleNeedsIt() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING.replace("\"ONGOING\"", "\"APPROVED\""));

        assertThat(projectPage()).contains("action=\"/projects/p1/health\"")
                .doesNotContain("action=\"/projects/p1/final-report\"");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aFormSendsItsChangeWithTheVersionAndReturnsToTheProject(String portalPath, String formData, String method,
                                                                 String servicePath, Consumer<String> body) {
        http.post().uri(portalPath).header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData(form(formData + "&version=%227%22")))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/projects/p1");

        assertThat(PROJECT.received(servicePath)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo(method);
            assertThat(request.ifMatch()).as("the version the page was opened at").isEqualTo("\"7\"");
            assertThat(request.authorization()).isEqualTo(bearer(STAFF));
            body.accept(request.body());
        });
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("/projects/p1/funding-lines",
                        "programme=INTERREG_AURORA&callId=c-4&applied=1+250+000&granted=&currency=EUR",
                        "POST", "/api/projects/p1/funding-lines", sends("{\"programme\":\"INTERREG_AURORA\","
                                + "\"callId\":\"c-4\",\"applied\":{\"amount\":\"1250000\",\"currency\":\"EUR\"}")),
                Arguments.of("/projects/p1/indicators",
                        "kind=RESULT&name=Nya+kontakter&unit=st&baseline=&target=1+200,5",
                        "POST", "/api/projects/p1/indicators", sends(
                                "{\"kind\":\"RESULT\",\"name\":\"Nya kontakter\",\"unit\":\"st\","
                                        + "\"target\":\"1200.5\"}")),
                Arguments.of("/projects/p1/indicators/i-1",
                        "kind=OUTPUT&name=Vinterevenemang&unit=evenemang&baseline=0&target=8",
                        "PUT", "/api/projects/p1/indicators/i-1", sends("\"baseline\":\"0\"", "\"target\":\"8\"")),
                Arguments.of("/projects/p1/indicators/i-1/reports", "value=3&reportedOn=2026-03-01&note=",
                        "POST", "/api/projects/p1/indicators/i-1/reports", sends(
                                "{\"reportedOn\":\"2026-03-01\",\"value\":\"3\"}")),
                Arguments.of("/projects/p1/activities", "type=PROJECT_WORKSHOP&title=Projektverkstad&heldOn=2026-04-01"
                                + "&place=Östersund&country=se&participants-PUBLIC-WOMEN=3&participants-PRIVATE-MEN=2"
                                + "&participants-SOCIAL_ECONOMY-OTHER=",
                        "POST", "/api/projects/p1/activities", sends("\"country\":\"SE\"",
                                "\"participants\":[{\"sector\":\"PUBLIC\",\"gender\":\"WOMEN\",\"count\":\"3\"},"
                                        + "{\"sector\":\"PRIVATE\",\"gender\":\"MEN\",\"count\":\"2\"}]")),
                Arguments.of("/projects/p1/activities/a-1", "type=STUDY_VISIT&title=Studiebesök&heldOn=2026-02-07",
                        "PUT", "/api/projects/p1/activities/a-1", sends("\"heldOn\":\"2026-02-07\"",
                                "\"participants\":[]")),
                Arguments.of("/projects/p1/activities/a-1/delete", "", "DELETE", "/api/projects/p1/activities/a-1",
                        NO_BODY),
                Arguments.of("/projects/p1/health", "status=OFF_TRACK&note=Partnern+har+hoppat+av",
                        "PUT", "/api/projects/p1/health", sends(
                                "{\"status\":\"OFF_TRACK\",\"note\":\"Partnern har hoppat av\"}")),
                Arguments.of("/projects/p1/final-report", "submittedOn=2027-09-30&summary=Sex+evenemang.",
                        "PUT", "/api/projects/p1/final-report", sends(
                                "{\"submittedOn\":\"2027-09-30\",\"summary\":\"Sex evenemang.\"}")),
                Arguments.of("/projects/p1/partners/o2/delete", "", "DELETE", "/api/projects/p1/partners/o2", NO_BODY),
                Arguments.of("/projects/p1/funding-lines/f-1/delete", "", "DELETE",
                        "/api/projects/p1/funding-lines/f-1", NO_BODY));
    }

    @Test
    void aFundingLineNamesTheCallItAnswersFromTheRegister() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING.replace("\"programme\":\"OWN_BUDGET\",",
                        "\"programme\":\"OWN_BUDGET\",\"callId\":\"c-4\",\"callName\":\"Egen utlysning 2027\","))
                .answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/calls?size=200", 200, """
                {"items":[{"id":"c-4","programme":"OWN_BUDGET","name":"Egen utlysning 2027","deadline":"2027-04-30"}]}""");

        String page = projectPage();

        assertThat(page).as("the line links its call").contains("href=\"/calls/c-4\">Egen utlysning 2027</a>");
        assertThat(page).as("the calls of the register to choose from").contains(
                "<label for=\"callId\">Utlysningen den svarar på</label>",
                "<option value=\"c-4\">Egen budget: Egen utlysning 2027 (2027-04-30)</option>");
    }

    @Test
    void aRefusedValueIsShownAtItsFieldWithWhatWasSent() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING).answer("/api/projects/p1/indicators/i-1/reports", 422, """
                {"title":"Invalid request","status":422,
                 "errors":[{"field":"reportedOn","reason":"must be a date in the past or in the present"}]}""");

        String page = refused("/projects/p1/indicators/i-1/reports", "value=3&reportedOn=2030-01-01&note=Tre+till",
                422);

        assertThat(page).contains("href=\"#reports-i-1-reportedOn\"",
                "Datum för värdet: must be a date in the past or in the present",
                "id=\"reports-i-1-reportedOn-error\"", "aria-describedby=\"reports-i-1-reportedOn-error\"",
                "aria-invalid=\"true\"", "value=\"2030-01-01\"", ">Tre till</textarea>");
        assertThat(page).as("the refused form is shown open").containsPattern("<details class=\"part\"\\s+open");
        assertThat(page).as("only the refused form says so").doesNotContain("id=\"indicators-i-1-reportedOn-error\"");
    }

    @Test
    void aRefusedCountIsShownAtTheParticipants() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING).answer("/api/projects/p1/activities", 422, """
                {"title":"Invalid request","status":422,
                 "errors":[{"field":"participants[0].count","reason":"must be less than or equal to 100000"}]}""");

        String page = refused("/projects/p1/activities",
                "type=CONFERENCE&title=Konferens&heldOn=2026-04-01&participants-PUBLIC-MEN=200000", 422);

        assertThat(page).contains("href=\"#activities-participants\"",
                "Deltagare (antal per sektor och kön): must be less than or equal to 100000",
                "id=\"activities-participants-error\"", "value=\"200000\"");
        assertThat(page).as("the counts' group is described by the message").containsPattern(
                "id=\"activities-participants\"\\s+aria-describedby=\"activities-participants-error\"");
    }

    @Test
    void aChangeOfAPartSinceThePageWasOpenedIsTheConflictSaidInWords() {
        PROJECT.answer("/api/projects/p1", 200, ONGOING)
                .answer("/api/projects/p1/health", 412, "{\"title\":\"Changed by someone else\",\"status\":412}");

        String page = refused("/projects/p1/health", "status=ON_TRACK", 412);

        assertThat(page).contains("Någon annan har ändrat projektet");
    }

    @Test
    void anIdThatWouldChangeThePartsPathIsNotSent() {
        http.post().uri("/projects/p1/activities/{item}/delete", "a-2?x")
                .header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("version", "\"7\""))
                .exchange()
                .expectStatus().is4xxClientError();

        assertThat(PROJECT.received()).isEmpty();
    }

    /** A body with these parts, in project-service's words. */
    private static Consumer<String> sends(String... parts) {
        return body -> assertThat(body).contains(parts);
    }

    private String projectPage() {
        return http.get().uri("/projects/p1").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private String refused(String path, String formData, int status) {
        return http.post().uri(path).header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData(form(formData + "&version=%227%22")))
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** A form's fields as a browser encodes them ({@code a=1&b=two+words}). */
    private static MultiValueMap<String, String> form(String encoded) {
        MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
        Arrays.stream(encoded.split("&")).filter(field -> !field.isEmpty()).map(field -> field.split("=", 2))
                .forEach(field -> fields.add(field[0], URLDecoder.decode(field[1], StandardCharsets.UTF_8)));
        return fields;
    }
}
