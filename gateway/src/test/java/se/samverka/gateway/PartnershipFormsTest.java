package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/** The forms that register and change a partnership: what they send, and what they show of a refusal. */
class PartnershipFormsTest extends GatewayTest {

    private static final String REFERENCE = """
            {"strategy":{"strategies":[{"code":"S1","name":{"sv":"Ökad kunskap","en":"More knowledge"}}]}}""";
    private static final String ORGANISATIONS = """
            {"items":[{"id":"o0","name":"Kultur- och fritidsförvaltningen","type":"DEPARTMENT","country":"SE"},
                      {"id":"o1","name":"Socialförvaltningen","type":"DEPARTMENT","country":"SE"},
                      {"id":"o2","name":"Gmina Miasta Sanoka","type":"FOREIGN_CITY","country":"PL"}]}""";
    private static final String STAFF = TestTokens.staff("o0");
    /** A partnership under review, as partnership-service shows it to one who may change it. */
    private static final String UNDER_REVIEW = """
            {"id":"s1","version":7,"name":"Vänort Sanok","type":"TWIN_CITY","status":"UNDER_REVIEW",
             "visibility":"PUBLIC","responsibleDepartmentId":"o0","themes":["EDUCATION"],"strategies":["S1"],
             "allowedTransitions":["ACTIVE","ENDED"],
             "parties":[{"organisationId":"o0","role":"LEAD","name":"Kultur- och fritidsförvaltningen","country":"SE"},
                        {"organisationId":"o2","role":"PARTNER","name":"Gmina Miasta Sanoka","country":"PL"}],
             "agreement":{"type":"AGREEMENT","signedOn":"2007-11-22"},
             "decisions":[{"id":"d1","body":"Kommunfullmäktige","decidedOn":"2007-11-22","paragraph":"§ 185"}]}""";

    @Test
    void theNewPartnershipFormOffersTheReadersOwnDepartmentAndEveryOrganisationAsAParty() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = http.get().uri("/partnerships/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Registrera partnerskap", "<label for=\"name\">Namn (obligatoriskt)</label>",
                "<legend>Typ av partnerskap (obligatoriskt)</legend>", "Vänort", "Utvecklingspartnerskap",
                "S1 – Ökad kunskap", "<label for=\"parties-1-organisationId\">Part 2</label>",
                "Gmina Miasta Sanoka (PL)", "Huvudpart", "Observatör");
        assertThat(page).as("the responsible department: the reader's own only").containsPattern(
                "<select id=\"responsibleDepartmentId\"[^>]*>\\s*<option value=\"o0\"\\s+selected=\"selected\">"
                        + "Kultur- och fritidsförvaltningen</option>\\s*</select>");
    }

    @Test
    void aPartnerMayNotRegisterAPartnership() {
        http.get().uri("/partnerships/new").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o2")))
                .exchange()
                .expectStatus().isForbidden();

        assertThat(PARTNERSHIP.received()).isEmpty();
    }

    @Test
    void theNewPartnershipFormNeedsALogin() {
        http.get().uri("/partnerships/new").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/login");
    }

    @Test
    void aRegisteredPartnershipOpensItsPage() {
        PARTNERSHIP.answer("/api/partnerships", 201, "{\"id\":\"s9\",\"version\":1}");

        http.post().uri("/partnerships/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", " Vänort Kajaani ").with("nameEn", "")
                        .with("type", "TWIN_CITY").with("visibility", "COUNTY").with("responsibleDepartmentId", "o0")
                        .with("strategies", "S1")
                        .with("parties-0-organisationId", "o0").with("parties-0-role", "LEAD")
                        .with("parties-1-organisationId", "o2").with("parties-1-role", "PARTNER")
                        .with("parties-2-organisationId", "").with("parties-2-role", "PARTNER"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/partnerships/s9");

        assertThat(PARTNERSHIP.received("/api/partnerships")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.authorization()).isEqualTo(bearer(STAFF));
            assertThat(request.body()).contains("\"name\":\"Vänort Kajaani\"", "\"type\":\"TWIN_CITY\"",
                    "\"visibility\":\"COUNTY\"", "\"responsibleDepartmentId\":\"o0\"", "\"strategies\":[\"S1\"]",
                    "\"parties\":[{\"organisationId\":\"o0\",\"role\":\"LEAD\"},"
                            + "{\"organisationId\":\"o2\",\"role\":\"PARTNER\"}]")
                    .as("what is left empty is left out").doesNotContain("nameEn");
        });
    }

    @Test
    void whatTheServiceRefusesIsShownNextToItsFieldWithWhatWasSent() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS)
                .answer("/api/partnerships", 422, """
                        {"title":"Invalid request","status":422,"errors":[
                          {"field":"name","reason":"must not be blank"},
                          {"field":"parties","reason":"a partnership needs at least two parties"}]}""");

        String page = http.post().uri("/partnerships/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", "").with("description", "Skolutbyte")
                        .with("type", "TWIN_CITY").with("responsibleDepartmentId", "o0")
                        .with("parties-0-organisationId", "o2").with("parties-0-role", "MEMBER"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta", "href=\"#name\"", "Namn: must not be blank",
                "href=\"#parties\"", "Parter: a partnership needs at least two parties",
                "id=\"name-error\"", "aria-describedby=\"name-error\"", "aria-invalid=\"true\"",
                "aria-describedby=\"parties-hint parties-error\"", ">Skolutbyte</textarea>",
                "<option value=\"MEMBER\" selected=\"selected\">Medlem</option>");
        assertThat(page).containsPattern("value=\"TWIN_CITY\"\\s+required\\s+checked")
                .containsPattern("value=\"o2\"\\s+selected=\"selected\">Gmina Miasta Sanoka \\(PL\\)</option>");
    }

    @Test
    void theEditFormShowsThePartnershipAsItIs() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS)
                .answer("/api/partnerships/s1", 200, UNDER_REVIEW);

        String page = http.get().uri("/partnerships/s1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Ändra partnerskapets beskrivning", "value=\"Vänort Sanok\"",
                "value=\"&quot;7&quot;\"", "action=\"/partnerships/s1/edit\"")
                .as("parties have their own forms").doesNotContain("parties-0-organisationId");
        assertThat(page).containsPattern("value=\"TWIN_CITY\"\\s+required\\s+checked")
                .containsPattern("value=\"S1\"\\s+checked");
    }

    @Test
    void aChangeSendsTheVersionItWasOpenedAtAndKeepsWhatTheFormDoesNotShow() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, UNDER_REVIEW);

        http.post().uri("/partnerships/s1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", "Vänort Sanok, Polen").with("version", "\"6\"")
                        .with("type", "TWIN_CITY").with("visibility", "PUBLIC").with("responsibleDepartmentId", "o0"))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/partnerships/s1");

        assertThat(PARTNERSHIP.received("/api/partnerships/s1")).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> {
                    assertThat(request.ifMatch()).as("the version the form was opened at").isEqualTo("\"6\"");
                    assertThat(request.body()).as("what the form does not show is kept")
                            .contains("\"name\":\"Vänort Sanok, Polen\"", "\"themes\":[\"EDUCATION\"]")
                            .as("no strategy ticked is none").contains("\"strategies\":[]")
                            .as("parties are changed on their own").doesNotContain("parties", "agreement");
                });
    }

    @Test
    void aConflictedDescriptionKeepsTheVersionItWasWrittenAgainstSoSendingItAgainIsRefusedAgain() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS)
                .answer("/api/partnerships/s1", 200, UNDER_REVIEW)
                .answer("PUT", "/api/partnerships/s1", 412, "{\"title\":\"Precondition failed\",\"status\":412}");

        String page = http.post().uri("/partnerships/s1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", "Mitt namn").with("version", "\"5\"")
                        .with("type", "TWIN_CITY").with("visibility", "PUBLIC").with("responsibleDepartmentId", "o0"))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat partnerskapet", "value=\"Mitt namn\"")
                .contains("name=\"version\" value=\"&quot;5&quot;\"");
    }

    @Test
    void aStepSinceThePageWasOpenedIsAConflictSaidInWords() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS)
                .answer("/api/partnerships/s1", 200, UNDER_REVIEW);
        PARTNERSHIP.answer("/api/partnerships/s1/transitions", 412, "{\"title\":\"Precondition failed\",\"status\":412}");

        String page = http.post().uri("/partnerships/s1/transitions").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("to", "ACTIVE").with("reason", "Nystart").with("version", "\"6\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat partnerskapet", "Vänort Sanok", "value=\"Nystart\"");
        assertThat(PARTNERSHIP.received("/api/partnerships/s1/transitions").get(0).ifMatch()).isEqualTo("\"6\"");
    }

    @Test
    void thePartnershipPageOffersAFormForEveryChangeTheReaderMayMake() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, UNDER_REVIEW)
                .answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = partnershipPage(STAFF, "");

        assertThat(page).contains("href=\"/partnerships/s1/edit\"", "action=\"/partnerships/s1/transitions\"",
                "action=\"/partnerships/s1/parties\"", "action=\"/partnerships/s1/parties/o2/delete\"",
                "action=\"/partnerships/s1/decisions\"", "action=\"/partnerships/s1/agreement\"",
                "Ta bort Gmina Miasta Sanoka som part", "Till: Aktivt", "Till: Avslutat",
                "<option value=\"d1\">Kommunfullmäktige 2007-11-22 § 185</option>");
        assertThat(page).as("every control labelled, the required ones marked").contains(
                "<label for=\"reason\">Varför (obligatoriskt)</label>",
                "<label for=\"parties-organisationId\">Organisation (obligatoriskt)</label>",
                "<label for=\"decisions-decidedOn\">Beslutsdatum (obligatoriskt)</label>",
                "<label for=\"agreement-type\">Typ av avtal (obligatoriskt)</label>");
        assertThat(page).as("the agreement as it is").contains(
                "<option value=\"AGREEMENT\" selected=\"selected\">Avtal</option>",
                "id=\"agreement-signedOn\" name=\"signedOn\" value=\"2007-11-22\"");
    }

    @Test
    void aReaderWhoMayNotChangeThePartnershipIsOfferedNoForm() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200,
                UNDER_REVIEW.replace("\"allowedTransitions\":[\"ACTIVE\",\"ENDED\"]", "\"allowedTransitions\":[]"));

        String page = partnershipPage(TestTokens.partner("o2"), "");

        assertThat(page).contains("Vänort Sanok").doesNotContain("action=\"/partnerships/s1", "/partnerships/s1/edit");
        assertThat(PARTNERSHIP.received("/api/organisations?size=200&sort=name")).isEmpty();
    }

    @Test
    void theFormsSpeakEnglishToo() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, UNDER_REVIEW)
                .answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS);

        String page = partnershipPage(STAFF, "?lang=en");

        assertThat(page).contains("Change the partnership", "To: Active", "Add a party", "Record a decision",
                "Remove Gmina Miasta Sanoka as a party", "<label for=\"agreement-type\">Kind of agreement (required)",
                "Memorandum of understanding", "Lead party");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aFormSendsItsChangeWithTheVersionAndReturnsToThePartnership(String portalPath,
                                                                     BodyInserters.FormInserter<String> form,
                                                                     String method, String servicePath,
                                                                     Consumer<String> body) {
        http.post().uri(portalPath).header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(form.with("version", "\"7\""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/partnerships/s1");

        assertThat(PARTNERSHIP.received(servicePath)).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo(method);
            assertThat(request.ifMatch()).as("the version the page was opened at").isEqualTo("\"7\"");
            assertThat(request.authorization()).isEqualTo(bearer(STAFF));
            body.accept(request.body());
        });
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of("/partnerships/s1/transitions", BodyInserters.fromFormData("to", "ENDED")
                                .with("reason", "Avslutas").with("decisionId", "d1"),
                        "POST", "/api/partnerships/s1/transitions", sends(
                                "{\"to\":\"ENDED\",\"reason\":\"Avslutas\",\"decisionId\":\"d1\"}")),
                Arguments.of("/partnerships/s1/transitions", BodyInserters.fromFormData("to", "ACTIVE")
                                .with("reason", "Nystart").with("decisionId", ""),
                        "POST", "/api/partnerships/s1/transitions", sends("{\"to\":\"ACTIVE\",\"reason\":\"Nystart\"}")),
                Arguments.of("/partnerships/s1/parties", BodyInserters.fromFormData("organisationId", "o1")
                                .with("role", "OBSERVER"),
                        "POST", "/api/partnerships/s1/parties", sends(
                                "{\"organisationId\":\"o1\",\"role\":\"OBSERVER\"}")),
                Arguments.of("/partnerships/s1/parties/o2/delete", BodyInserters.fromFormData("note", ""),
                        "DELETE", "/api/partnerships/s1/parties/o2", (Consumer<String>) body -> assertThat(body).isEmpty()),
                Arguments.of("/partnerships/s1/decisions", BodyInserters.fromFormData("body", "Kommunstyrelsen")
                                .with("decidedOn", "2026-03-01").with("paragraph", "§ 12")
                                .with("registrationNumber", "").with("note", ""),
                        "POST", "/api/partnerships/s1/decisions", sends("{\"body\":\"Kommunstyrelsen\","
                                + "\"decidedOn\":\"2026-03-01\",\"paragraph\":\"§ 12\"}")),
                Arguments.of("/partnerships/s1/agreement", BodyInserters.fromFormData("type", "AGREEMENT")
                                .with("signedOn", "2026-03-01").with("validFrom", "2026-04-01").with("validTo", "")
                                .with("renewalOn", ""),
                        "PUT", "/api/partnerships/s1/agreement", sends("{\"type\":\"AGREEMENT\","
                                + "\"signedOn\":\"2026-03-01\",\"validFrom\":\"2026-04-01\"}")));
    }

    @Test
    void aRefusedValueIsShownAtItsFieldOfTheFormThatSentIt() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, UNDER_REVIEW)
                .answer("/api/organisations?size=200&sort=name", 200, ORGANISATIONS)
                .answer("/api/partnerships/s1/agreement", 422, """
                        {"title":"Invalid request","status":422,
                         "errors":[{"field":"validTo","reason":"must not be before valid from"}]}""");

        String page = http.post().uri("/partnerships/s1/agreement").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("type", "AGREEMENT").with("signedOn", "2026-03-01")
                        .with("validFrom", "2026-04-01").with("validTo", "2026-01-01").with("version", "\"7\""))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("href=\"#agreement-validTo\"", "Gäller till: must not be before valid from",
                "id=\"agreement-validTo-error\"", "aria-describedby=\"agreement-validTo-error\"",
                "aria-invalid=\"true\"", "id=\"agreement-validTo\" name=\"validTo\" value=\"2026-01-01\"");
        assertThat(page).as("only the refused form says so").doesNotContain("id=\"decisions-validTo-error\"");
    }

    @Test
    void anIdThatWouldChangeThePartysPathIsNotSent() {
        http.post().uri("/partnerships/s1/parties/{item}/delete", "o2?x")
                .header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("version", "\"7\""))
                .exchange()
                .expectStatus().is4xxClientError();

        assertThat(PARTNERSHIP.received()).isEmpty();
    }

    /** A body with these parts, in partnership-service's words. */
    private static Consumer<String> sends(String... parts) {
        return body -> assertThat(body).contains(parts);
    }

    private String partnershipPage(String token, String query) {
        return http.get().uri("/partnerships/s1" + query).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
