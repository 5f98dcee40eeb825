package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/**
 * The interests' pages: the list as each role reads it, an interest with its matches and the proposal of an
 * introduction, and the forms that state, change and withdraw an interest.
 */
class InterestPagesTest extends GatewayTest {

    private static final String REFERENCE = """
            {"strategy":{"strategies":[],
                         "growthAreas":[{"code":"EXPERIENCE_INDUSTRY","name":{"sv":"Upplevelseindustri","en":"Experience industry"}}]},
             "fundingProgrammes":{"programmes":[]}}""";
    private static final String COMPANY = TestTokens.token().role("COMPANY").organisation("o7").name("Karin Företag")
            .build();
    private static final String STAFF = TestTokens.staff("o0");
    private static final String ADMIN = TestTokens.token().role("ADMIN").organisation("o0").name("Anna Admin").build();
    private static final String LIST = """
            {"items":[{"id":"i1","title":"Exportpartner i Trøndelag","organisationId":"o7","organisationName":"Jämtbygg AB",
                       "direction":"SEEKS","status":"OPEN","validUntil":"2027-06-30"}],
             "page":0,"size":100,"totalItems":1,"totalPages":1}""";
    private static final String INTEREST = """
            {"id":"i1","version":4,"organisationId":"o7","organisationName":"Jämtbygg AB","direction":"SEEKS",
             "purposes":["EXPORT","APPLICATION_PARTNERS"],"title":"Exportpartner i Trøndelag",
             "summary":"Vi söker en partner för trähus.","countries":["NO","FI"],"regions":["FI-05"],"themes":["CLIMATE"],
             "growthAreas":["EXPERIENCE_INDUSTRY"],"sectors":["PRIVATE"],"projectId":"p3","validUntil":"2027-06-30",
             "visibility":"COUNTY","status":"OPEN","statedAt":"2026-11-30T09:00:00Z"}""";
    private static final String MATCHES = """
            {"interestId":"i1","matches":[
              {"kind":"PARTNERSHIP","id":"s2","name":"Vänort Kajaani","organisationId":"o3","organisationName":"Kajaanin kaupunki",
               "country":"FI","score":85,"reasons":[{"code":"TWIN_CITY","text":"Kajaani är vänort"},
                                                   {"code":"GROWTH_AREA","text":"Samma insatsområde: upplevelseindustri"}]},
              {"kind":"PROJECT","id":"p9","name":"Trästad Trondheim","organisationId":"o4","organisationName":"Trondheim kommune",
               "country":"NO","score":60,"reasons":[{"code":"SEEKS_PRIVATE","text":"Deras projekt söker en privat partner"}]},
              {"kind":"CALL","id":"c1","name":"Småprojekt 2027","organisationId":null,"organisationName":"Interreg Aurora",
               "country":"FI","score":55,"reasons":[{"code":"OPEN_TO_COUNTRIES","text":"Öppen för organisationer i Finland"},
                                                   {"code":"CALL_DEADLINE","text":"Sista dag om 25 dagar"}]}]}""";

    @Test
    void aCompanyListsItsOwnOrganisationsInterests() {
        PARTNERSHIP.answer("/api/interests?size=100&organisationId=o7", 200, LIST);

        String page = http.get().uri("/interests").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Intressen</h1>", "1 intresse", "href=\"/interests/i1\"",
                "Exportpartner i Trøndelag", "Jämtbygg AB", "Söker", "Öppet", "href=\"/interests/new\"",
                "href=\"/introductions\"");
    }

    @Test
    void staffListAllTheyMayReadFilteredAndInEnglish() {
        PARTNERSHIP.answer("/api/interests?size=100&direction=SEEKS&status=OPEN", 200, LIST);

        String page = http.get().uri("/interests?direction=SEEKS&status=OPEN&lang=en")
                .header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Interests</h1>", "1 interest", "Seeks",
                "<option value=\"SEEKS\" selected=\"selected\">Seeks</option>",
                "<option value=\"OPEN\" selected=\"selected\">Open</option>");
    }

    @Test
    void theInterestsNeedALogin() {
        http.get().uri("/interests").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/login");
    }

    @Test
    void anInterestsPageShowsItsMatchesWithTheirScoresAndReasonsAndStaffMayProposeAnIntroduction() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/interests/i1", 200, INTEREST).answer("/api/interests/i1/matches?limit=20", 200, MATCHES);

        String page = http.get().uri("/interests/i1").header(HttpHeaders.AUTHORIZATION, bearer(STAFF)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Exportpartner i Trøndelag</h1>", "Vi söker en partner för trähus.",
                "href=\"/organisations/o7\"", "Export, Partner till en ansökan", "Norge, Finland", "FI-05", "Klimat",
                "Upplevelseindustri", "Näringsliv", "href=\"/projects/p3\"", "Delas med länet", "2026-11-30",
                "Förslag på kontakter", "href=\"/partnerships/s2\"", "Vänort Kajaani", "(Partnerskap)",
                "Kajaanin kaupunki", "Passar 85 av 100", "Kajaani är vänort",
                "Samma insatsområde: upplevelseindustri", "href=\"/projects/p9\"",
                "Deras projekt söker en privat partner", "action=\"/interests/i1/introductions\"",
                "Föreslå introduktion till Vänort Kajaani",
                "<label for=\"introduce-PROJECT-p9-partnershipId\">Genom partnerskapet</label>")
                .as("staff of another organisation do not change it").doesNotContain("/interests/i1/edit");
        assertThat(page).as("a match that is a partnership goes through it")
                .containsPattern("id=\"introduce-PARTNERSHIP-s2-partnershipId\"[^>]*>\\s*<option value=\"\">Inget "
                        + "partnerskap</option>\\s*<option value=\"s2\"\\s+selected=\"selected\">Vänort Kajaani</option>");
        assertThat(page.indexOf("Vänort Kajaani")).isLessThan(page.indexOf("Trästad Trondheim"));
        assertThat(page).as("a funding call is linked, never proposed an introduction to")
                .contains("href=\"/calls/c1\"", "Småprojekt 2027", "(Utlysning)", "Interreg Aurora",
                        "Öppen för organisationer i Finland", "Sista dag om 25 dagar")
                .doesNotContain("introduce-CALL-c1", "Föreslå introduktion till Småprojekt 2027");
    }

    @Test
    void theInterestIsShownWhenItsMatchesCannotBeRead() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/interests/i1", 200, INTEREST)
                .answer("/api/interests/i1/matches?limit=20", 503, "{\"status\":503}");

        String page = http.get().uri("/interests/i1?lang=en").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Exportpartner i Trøndelag", "Experience industry",
                "The suggestions cannot be shown right now.", "href=\"/interests/i1/edit\"",
                "action=\"/interests/i1/withdrawal\"", "Withdraw the interest")
                .as("a company proposes no introduction").doesNotContain("/interests/i1/introductions");
    }

    @Test
    void aPartnerMayProposeFromAnInterestSharedWithTheCountyOnly() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/interests/i1", 200, INTEREST).answer("/api/interests/i1/matches?limit=20", 200, MATCHES);
        assertThat(interestPage(TestTokens.partner("o9"))).contains("action=\"/interests/i1/introductions\"")
                .doesNotContain("/interests/i1/edit", "/interests/i1/withdrawal");

        PARTNERSHIP.answer("/api/interests/i1", 200, INTEREST.replace("\"COUNTY\"", "\"INTERNAL\""));
        assertThat(interestPage(TestTokens.partner("o9"))).doesNotContain("/interests/i1/introductions");
    }

    @Test
    void aProposedIntroductionOpensItsPage() {
        PARTNERSHIP.answer("/api/introductions", 201, "{\"id\":\"n5\",\"version\":1}");

        http.post().uri("/interests/i1/introductions").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("counterpartKind", "PARTNERSHIP").with("counterpartId", "s2")
                        .with("partnershipId", "s2").with("note", " Träffas i Kajaani "))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/introductions/n5");

        assertThat(PARTNERSHIP.received("/api/introductions")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo("{\"interestId\":\"i1\",\"counterpartKind\":\"PARTNERSHIP\","
                    + "\"counterpartId\":\"s2\",\"partnershipId\":\"s2\",\"note\":\"Träffas i Kajaani\"}");
        });
    }

    @Test
    void aRefusedProposalIsSaidAtItsMatchInTheServicesWords() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/interests/i1", 200, INTEREST).answer("/api/interests/i1/matches?limit=20", 200, MATCHES)
                .answer("/api/introductions", 403, """
                        {"title":"Forbidden","status":403,
                         "detail":"Endast partnerskapets ansvariga förvaltning kan föreslå en introduktion genom det."}""");

        String page = http.post().uri("/interests/i1/introductions").header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("counterpartKind", "PROJECT").with("counterpartId", "p9")
                        .with("partnershipId", "s2").with("note", "Via vänorten"))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta",
                "Endast partnerskapets ansvariga förvaltning kan föreslå en introduktion genom det.",
                "Exportpartner i Trøndelag", ">Via vänorten</textarea>");
        assertThat(page).as("the refused proposal's form is open, the others folded")
                .containsPattern("<details class=\"part\" open=\"open\">\\s*<summary>Föreslå introduktion till "
                        + "Trästad Trondheim")
                .containsPattern("<details class=\"part\">\\s*<summary>Föreslå introduktion till Vänort Kajaani");
    }

    @Test
    void aProposalRefusedAtAFieldIsShownThere() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/interests/i1", 200, INTEREST).answer("/api/interests/i1/matches?limit=20", 200, MATCHES)
                .answer("/api/introductions", 422, """
                        {"title":"Invalid request","status":422,
                         "errors":[{"field":"partnershipId","reason":"the partnership is not active"}]}""");

        String page = http.post().uri("/interests/i1/introductions?lang=en")
                .header(HttpHeaders.AUTHORIZATION, bearer(STAFF))
                .body(BodyInserters.fromFormData("counterpartKind", "PROJECT").with("counterpartId", "p9")
                        .with("partnershipId", "s2"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("href=\"#introduce-PROJECT-p9-partnershipId\"",
                "Through the partnership: the partnership is not active",
                "id=\"introduce-PROJECT-p9-partnershipId-error\"");
    }

    @Test
    void aCompanyStatesAnInterestForItsOwnOrganisation() {
        PROJECT.answer("/api/reference", 200, REFERENCE).answer("/api/projects?size=100&owner=o7", 200, """
                {"items":[{"id":"p3","title":"Trähus till Norge"}]}""");

        String form = http.get().uri("/interests/new").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(form).contains("Ange intresse", "Intresset gäller din organisation.",
                "<label for=\"interest-title\">Titel (obligatoriskt)</label>", "<legend>Syfte</legend>",
                "Partner till en ansökan", "<label for=\"interest-validUntil\">Gäller till och med (obligatoriskt)</label>",
                "<option value=\"p3\">Trähus till Norge</option>", "Upplevelseindustri")
                .as("only the coordinator chooses the organisation").doesNotContain("name=\"organisationId\"");
        assertThat(PARTNERSHIP.received("/api/organisations?size=200&sort=name")).isEmpty();

        PARTNERSHIP.answer("/api/interests", 201, "{\"id\":\"i8\",\"version\":1}");
        http.post().uri("/interests/new").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY))
                .body(BodyInserters.fromFormData("organisationId", "o1").with("direction", "OFFERS")
                        .with("title", "Kompetens inom trähus").with("purposes", "COMPETENCE")
                        .with("countries", "no fi").with("regions", "").with("validUntil", "2027-12-31")
                        .with("sectors", "PUBLIC").with("visibility", "PUBLIC").with("projectId", ""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/interests/i8");
        assertThat(PARTNERSHIP.received("/api/interests")).singleElement().satisfies(request -> assertThat(request.body())
                .as("its own organisation, whatever the form sent").contains("\"organisationId\":\"o7\"")
                .contains("\"direction\":\"OFFERS\"", "\"purposes\":[\"COMPETENCE\"]", "\"countries\":[\"NO\",\"FI\"]",
                        "\"regions\":[]", "\"sectors\":[\"PUBLIC\"]", "\"validUntil\":\"2027-12-31\"")
                .doesNotContain("projectId"));
    }

    @Test
    void theCoordinatorChoosesTheOrganisation() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, """
                {"items":[{"id":"o7","name":"Jämtbygg AB","type":"COMPANY","country":"SE"}]}""");

        String form = http.get().uri("/interests/new").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(form).contains("<label for=\"interest-organisationId\">Organisation (obligatoriskt)</label>",
                "Jämtbygg AB (SE)");

        PARTNERSHIP.answer("/api/interests", 201, "{\"id\":\"i9\",\"version\":1}");
        http.post().uri("/interests/new").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("organisationId", "o7").with("direction", "SEEKS")
                        .with("title", "Partner").with("validUntil", "2027-12-31").with("visibility", "INTERNAL"))
                .exchange()
                .expectStatus().isSeeOther();
        assertThat(PARTNERSHIP.received("/api/interests").get(0).body()).contains("\"organisationId\":\"o7\"");
    }

    @Test
    void aPartnerStatesNoInterest() {
        http.get().uri("/interests/new").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o9"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void whatTheServiceRefusesIsShownNextToItsField() {
        PROJECT.answer("/api/reference", 200, REFERENCE);
        PARTNERSHIP.answer("/api/interests", 422, """
                {"title":"Invalid request","status":422,"errors":[
                  {"field":"validUntil","reason":"must be in the future"},{"field":"countries[1]","reason":"unknown country"}]}""");

        String page = http.post().uri("/interests/new").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY))
                .body(BodyInserters.fromFormData("direction", "SEEKS").with("title", "Partner")
                        .with("validUntil", "2020-01-01").with("countries", "NO, XX").with("themes", "CLIMATE")
                        .with("visibility", "INTERNAL"))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("href=\"#interest-validUntil\"", "Gäller till och med: must be in the future",
                "id=\"interest-validUntil-error\"", "aria-describedby=\"interest-validUntil-error\"",
                "href=\"#interest-countries\"", "unknown country", "value=\"NO, XX\"", "value=\"Partner\"");
        assertThat(page).containsPattern("value=\"CLIMATE\"\\s+checked")
                .containsPattern("value=\"SEEKS\"\\s+required\\s+checked");
    }

    @Test
    void theEditFormShowsTheInterestAsItIsAndAConflictKeepsTheVersionItWasWrittenAgainst() {
        PROJECT.answer("/api/reference", 200, REFERENCE).answer("/api/projects?size=100&owner=o7", 200, "{\"items\":[]}");
        PARTNERSHIP.answer("/api/interests/i1", 200, INTEREST);

        String form = http.get().uri("/interests/i1/edit").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(form).contains("Ändra intresset", "action=\"/interests/i1/edit\"", "value=\"&quot;4&quot;\"",
                "value=\"NO, FI\"", "value=\"FI-05\"", "value=\"2027-06-30\"");
        assertThat(form).as("the project it is for, though not among the reader's")
                .containsPattern("<option value=\"p3\"\\s+selected=\"selected\">p3</option>");
        assertThat(form).containsPattern("value=\"EXPORT\"\\s+checked").containsPattern("value=\"PRIVATE\"\\s+checked");

        PARTNERSHIP.answer("PUT", "/api/interests/i1", 412, "{\"title\":\"Precondition failed\",\"status\":412}");
        String page = http.post().uri("/interests/i1/edit").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY))
                .body(BodyInserters.fromFormData("direction", "SEEKS").with("title", "Ny titel")
                        .with("validUntil", "2027-06-30").with("visibility", "COUNTY").with("version", "\"3\""))
                .exchange()
                .expectStatus().isEqualTo(412)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Någon annan har ändrat intresset", "href=\"/interests/i1/edit\"",
                "value=\"Ny titel\"", "name=\"version\" value=\"&quot;3&quot;\"");
        assertThat(PARTNERSHIP.received("/api/interests/i1")).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> {
                    assertThat(request.ifMatch()).isEqualTo("\"3\"");
                    assertThat(request.body()).contains("\"organisationId\":\"o7\"", "\"title\":\"Ny titel\"");
                });
    }

    @Test
    void aWithdrawalSendsTheVersionAndReturnsToTheInterest() {
        PARTNERSHIP.answer("/api/interests/i1/withdrawal", 200, INTEREST.replace("\"OPEN\"", "\"WITHDRAWN\""));

        http.post().uri("/interests/i1/withdrawal").header(HttpHeaders.AUTHORIZATION, bearer(COMPANY))
                .body(BodyInserters.fromFormData("version", "\"4\""))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/interests/i1");

        assertThat(PARTNERSHIP.received("/api/interests/i1/withdrawal")).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.ifMatch()).isEqualTo("\"4\"");
        });
    }

    private String interestPage(String token) {
        return http.get().uri("/interests/i1").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
