package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/** The forms that register an organisation and change its description: what they send, what they show of a refusal. */
class OrganisationFormsTest extends GatewayTest {

    private static final String STAFF = TestTokens.staff("o0");
    /** An organisation as partnership-service shows it, with what the form does not show. */
    private static final String SANOK = """
            {"id":"o1","version":4,"name":"Gmina Miasta Sanoka","type":"FOREIGN_CITY","sector":"PUBLIC",
             "country":"PL","region":"PL-18","parentOrganisationId":"o9","active":true}""";

    @Test
    void theNewOrganisationFormOffersTypesAndCountriesInSwedish() {
        String page = http.get().uri("/organisations/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Registrera organisation", "Namn (obligatoriskt)", "Typ av organisation",
                "<option value=\"FOREIGN_CITY\">Stad utomlands</option>", "<option value=\"PL\">Polen</option>",
                "Följer av typen");
        assertThat(page.indexOf(">Zambia<")).as("countries in Swedish order: Ö after Z, not by O")
                .isGreaterThan(page.indexOf(">Sverige<")).isLessThan(page.indexOf(">Österrike<"));
    }

    @Test
    void theFormSpeaksEnglishWhenAskedTo() {
        String page = http.get().uri("/organisations/new?lang=en").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Register an organisation", "Name (required)", "Type of organisation",
                "<option value=\"PL\">Poland</option>", "<option value=\"AT\">Austria</option>", "Given by the type");
        assertThat(page.indexOf(">Austria<")).isLessThan(page.indexOf(">Sweden<"));
    }

    @Test
    void aRegisteredOrganisationOpensItsPage() {
        PARTNERSHIP.answer("/api/organisations", 201, "{\"id\":\"o7\",\"version\":1}");

        http.post().uri("/organisations/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", " Trondheim kommune ").with("type", "FOREIGN_CITY")
                        .with("sector", "").with("country", "NO").with("region", "no-50").with("website", ""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/organisations/o7");

        assertThat(PARTNERSHIP.received("/api/organisations")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.authorization()).isEqualTo(bearer(STAFF));
            assertThat(request.body()).contains("\"name\":\"Trondheim kommune\"", "\"type\":\"FOREIGN_CITY\"",
                    "\"country\":\"NO\"", "\"region\":\"NO-50\"").doesNotContain("sector", "website");
        });
    }

    @Test
    void whatTheServiceRefusesIsShownNextToItsFieldWithTheValuesSent() {
        PARTNERSHIP.answer("/api/organisations", 400, """
                {"title":"Invalid request","status":400,"errors":[{"field":"region","reason":"hör inte till landet NO"}]}""");

        String page = http.post().uri("/organisations/new").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", "Trondheim kommune").with("type", "FOREIGN_CITY")
                        .with("country", "NO").with("region", "SE-Z"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta", "href=\"#organisation-region\"",
                "Region (ISO 3166-2, t.ex. SE-Z): hör inte till landet NO", "id=\"organisation-region-error\"",
                "aria-describedby=\"organisation-region-error\"", "aria-invalid=\"true\"",
                "value=\"Trondheim kommune\"", "<option value=\"NO\" selected=\"selected\">Norge</option>");
    }

    @Test
    void aChangeSendsTheVersionItWasOpenedAtAndKeepsWhatTheFormDoesNotShow() {
        PARTNERSHIP.answer("/api/organisations/o1", 200, SANOK);

        http.post().uri("/organisations/o1/edit").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .body(BodyInserters.fromFormData("name", "Sanok").with("type", "FOREIGN_CITY").with("country", "PL")
                        .with("version", "\"3\""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/organisations/o1");

        assertThat(PARTNERSHIP.received("/api/organisations/o1")).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> {
                    assertThat(request.ifMatch()).as("the version the form was opened at").isEqualTo("\"3\"");
                    assertThat(request.body()).as("what the form does not show is kept")
                            .contains("\"name\":\"Sanok\"", "\"parentOrganisationId\":\"o9\"", "\"active\":true")
                            .doesNotContain("PL-18");
                });
    }

    @Test
    void aChangeSinceTheFormWasOpenedIsAConflictSaidInWords() {
        PARTNERSHIP.answer("/api/organisations/o1", 200, SANOK)
                .answer("PUT", "/api/organisations/o1", 412, "{\"title\":\"Precondition failed\",\"status\":412}");

        String page = http.post().uri("/organisations/o1/edit")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .body(BodyInserters.fromFormData("name", "Sanok").with("type", "FOREIGN_CITY").with("country", "PL")
                        .with("version", "\"3\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat organisationen", "href=\"/organisations/o1/edit\"",
                "value=\"Sanok\"").doesNotContain("Precondition failed");
        assertThat(page).as("the version the form was opened at, not the one that refused it")
                .contains("name=\"version\" value=\"&quot;3&quot;\"").doesNotContain("&quot;4&quot;");
    }

    @Test
    void onlyThoseWhoMayRegisterAreOfferedTheForm() {
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, "{\"items\":[]}");

        assertThat(http.get().uri("/organisations").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectBody(String.class).returnResult().getResponseBody()).contains("href=\"/organisations/new\"");
        assertThat(http.get().uri("/organisations").header(HttpHeaders.AUTHORIZATION,
                        bearer(TestTokens.partner("o5"))).exchange()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain("/organisations/new");
        assertThat(http.get().uri("/organisations").exchange()
                .expectBody(String.class).returnResult().getResponseBody()).doesNotContain("/organisations/new");
        http.get().uri("/organisations/new").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o5")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void theChangeIsOfferedToTheOrganisationsOwnStaffAndTheCoordinatorOnly() {
        PARTNERSHIP.answer("/api/organisations/o0", 200, "{\"id\":\"o0\",\"name\":\"Kulturförvaltningen\","
                        + "\"type\":\"DEPARTMENT\",\"country\":\"SE\"}")
                .answer("/api/partnerships?size=100&party=o0", 200, "{\"items\":[]}");
        PROJECT.answer("/api/projects?size=100&owner=o0", 200, "{\"items\":[]}");

        assertThat(organisationPage(STAFF)).contains("href=\"/organisations/o0/edit\"");
        assertThat(organisationPage(TestTokens.admin())).contains("href=\"/organisations/o0/edit\"");
        assertThat(organisationPage(TestTokens.staff("o1"))).doesNotContain("/organisations/o0/edit");
        assertThat(organisationPage(TestTokens.partner("o0"))).doesNotContain("/organisations/o0/edit");
    }

    @Test
    void aRefusalOfTheReaderIsNoFormAgain() {
        PARTNERSHIP.answer("/api/organisations/o1", 200, SANOK)
                .answer("PUT", "/api/organisations/o1", 403, "{\"title\":\"Forbidden\",\"status\":403}");

        http.post().uri("/organisations/o1/edit").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("name", "Sanok").with("version", "\"4\""))
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void theFormsNeedASignedInReader() {
        http.get().uri("/organisations/new").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/login");
        http.get().uri("/organisations/o1/edit").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/login");
    }

    @Test
    void theEditFormShowsTheOrganisationAsItIsWithItsVersion() {
        PARTNERSHIP.answer("/api/organisations/o1", 200, SANOK);

        String page = http.get().uri("/organisations/o1/edit").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Ändra organisationens uppgifter", "value=\"Gmina Miasta Sanoka\"",
                "<option value=\"FOREIGN_CITY\" selected=\"selected\">Stad utomlands</option>",
                "<option value=\"PL\" selected=\"selected\">Polen</option>", "value=\"PL-18\"",
                "name=\"version\" value=\"&quot;4&quot;\"", "action=\"/organisations/o1/edit\"");
    }

    private String organisationPage(String token) {
        return http.get().uri("/organisations/o0").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
