package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/**
 * The accounts' pages, which ask the identity provider as the reader: the coordinator's and an organisation's lead's,
 * nobody else's; and the machine clients, the coordinator's alone.
 */
class AccountPagesTest extends GatewayTest {

    private static final String ADMIN = TestTokens.admin();
    private static final String LEAD = TestTokens.staff("o1");
    private static final String ACCOUNTS = "/api/accounts";
    private static final String STAFF_ERASURE = "/api/personal-data/staff/erasure";
    private static final String STAFF_EXPORT = "/api/personal-data/staff";
    private static final String ANNA = """
            {"id":"a1","username":"anna.andersson@ostersund.se","name":"Anna Andersson",
             "email":"anna.andersson@ostersund.se","organisationId":"o1","role":"STAFF","lead":false,"status":"ACTIVE",
             "secondFactor":false,"createdAt":"2026-11-02T08:00:00Z","lastLoginAt":"2026-11-28T13:05:00Z","version":3}""";
    private static final String ERIK = """
            {"id":"a2","username":"erik@jamtkraft.se","name":"Erik Eriksson","email":"erik@jamtkraft.se",
             "organisationId":"o2","role":"STAFF","lead":true,"status":"INVITED","secondFactor":false,
             "createdAt":"2026-11-30T08:00:00Z","lastLoginAt":null,"version":1}""";

    @BeforeEach
    void theDirectory() {
        PARTNERSHIP.answer("/api/organisations?size=200&sort=name", 200, """
                        {"items":[{"id":"o1","name":"Kultur- och fritidsförvaltningen","country":"SE"},
                                  {"id":"o2","name":"Jämtkraft AB","country":"SE"}],"page":0,"totalPages":1}""")
                .answer("/api/organisations/o1", 200, "{\"id\":\"o1\",\"name\":\"Kultur- och fritidsförvaltningen\",\"country\":\"SE\"}");
        IDENTITY.answer(ACCOUNTS, 200, "{\"accounts\":[" + ANNA + "," + ERIK + "]}")
                .answer("/api/accounts/a1", 200, ANNA)
                .answer("/api/accounts/a1/log", 200, """
                        {"entries":[{"at":"2026-11-02T08:00:00Z","by":"admin","action":"INVITED","details":null},
                                    {"at":"2026-11-02T09:30:00Z","by":"anna.andersson@ostersund.se","action":"ACTIVATED"}]}""");
    }

    @Test
    void theCoordinatorSeesEveryAccountAndInvitesAnyoneAsAnything() {
        String page = page("/accounts?q=anna&status=ACTIVE", ADMIN);

        assertThat(page).contains("<h1>Konton</h1>", "href=\"/accounts\">Konton</a>",
                "<a href=\"/accounts/a1\">Anna Andersson</a>", "<td>Kultur- och fritidsförvaltningen</td>", "<td>Jämtkraft AB</td>",
                "Medarbetare</span><span>, ansvarig</span>", "Aktivt", "Inbjuden", "2026-11-28 14:05", "2 konton",
                "<option value=\"ACTIVE\" selected=\"selected\">Aktivt</option>", "href=\"/machine-clients\"",
                "action=\"/accounts\"", "id=\"invite-name\"", "id=\"invite-email\"", "id=\"invite-organisationId\"",
                "<option value=\"\">Ingen</option>", "<option value=\"PARTNER\">Regional partner</option>",
                "id=\"invite-lead\"");
        assertThat(IDENTITY.received("/api/accounts?q=anna&status=ACTIVE")).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo(bearer(ADMIN)));
    }

    @Test
    void aLeadInvitesColleaguesOfTheirOwnOrganisationAsStaffOnly() {
        IDENTITY.answer("/api/accounts/me", 200, "{\"id\":\"a9\",\"role\":\"STAFF\",\"organisationId\":\"o1\",\"lead\":true}");

        String page = page("/accounts", LEAD);

        assertThat(page).contains("href=\"/accounts\">Konton</a>", "Bjud in en kollega i din organisation",
                "<option value=\"o1\">Kultur- och fritidsförvaltningen (SE)</option>",
                "<option value=\"STAFF\">Medarbetare</option>")
                .doesNotContain("<option value=\"o2\"", "<option value=\"ADMIN\"", "<option value=\"\">Ingen</option>",
                        "id=\"invite-lead\"", "href=\"/machine-clients\"");
        assertThat(IDENTITY.received("/api/accounts/me")).isNotEmpty()
                .allSatisfy(request -> assertThat(request.authorization()).isEqualTo(bearer(LEAD)));
    }

    @Test
    void staffWhoLeadNoOneAndPartnersAreNotAllowed() {
        IDENTITY.answer("/api/accounts/me", 200, "{\"id\":\"a1\",\"role\":\"STAFF\",\"lead\":false}");

        for (String token : new String[] {TestTokens.staff("o1"), TestTokens.partner("o5"), TestTokens.company("o7")}) {
            for (String uri : new String[] {"/accounts", "/accounts/a1"}) {
                String page = http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                        .expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
                assertThat(page).contains("Inte för din roll", "Kontona sköts av kommunens internationella samordnare")
                        .doesNotContain("href=\"/accounts\"", "Anna Andersson");
            }
        }
        assertThat(IDENTITY.received()).extracting(StubService.Received::uri)
                .as("nothing but who leads is asked for them").doesNotContain(ACCOUNTS, "/api/accounts/a1");
    }

    @Test
    void anInvitationShowsItsOneTimeLinkOnceAndWhetherItWasMailed() {
        IDENTITY.answer("POST", "/api/accounts/invitations", 201, """
                {"account":{"id":"a3","name":"Piotr Nowak","status":"INVITED","version":1},
                 "invitation":{"link":"http://localhost:9000/invitation/t0k3n","expiresAt":"2026-12-13T09:00:00Z",
                               "mailed":false}}""");

        String page = http.post().uri("/accounts").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("name", " Piotr Nowak ").with("email", "piotr@sanok.pl")
                        .with("organisationId", "o1").with("role", "STAFF").with("lead", "true"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h1>Inbjudan är skapad</h1>", "den visas bara den här gången",
                "<input type=\"text\" id=\"one-time-link\" readonly class=\"secret\" value=\"http://localhost:9000/invitation/t0k3n\">",
                "Länken gäller till 2026-12-13 10:00", "Länken har inte skickats med e-post", "href=\"/accounts/a3\"");
        assertThat(IDENTITY.received("/api/accounts/invitations")).singleElement().satisfies(request -> {
            assertThat(request.authorization()).isEqualTo(bearer(ADMIN));
            assertThat(request.body()).contains("\"name\":\"Piotr Nowak\"", "\"email\":\"piotr@sanok.pl\"",
                    "\"organisationId\":\"o1\"", "\"role\":\"STAFF\"", "\"lead\":true");
        });
    }

    @Test
    void aRefusedInvitationIsShownAtItsFieldsWithWhatWasWritten() {
        IDENTITY.answer("POST", "/api/accounts/invitations", 409, """
                {"title":"Conflict","status":409,"errors":[{"field":"email","reason":"används redan av ett konto"}]}""");

        String page = http.post().uri("/accounts").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("name", "Anna Andersson").with("email", "anna.andersson@ostersund.se")
                        .with("organisationId", "o1").with("role", "STAFF"))
                .exchange().expectStatus().isEqualTo(409).expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta", "href=\"#invite-email\"",
                "E-post: används redan av ett konto", "id=\"invite-email-error\"",
                "aria-describedby=\"invite-email-error\"", "value=\"anna.andersson@ostersund.se\"",
                "selected=\"selected\">Kultur- och fritidsförvaltningen (SE)</option>");
    }

    @Test
    void anAccountsPageOffersTheCoordinatorsFormsAndTheLog() {
        String page = page("/accounts/a1", ADMIN);

        assertThat(page).contains("<h1>Anna Andersson</h1>", "anna.andersson@ostersund.se", "2026-11-28 14:05",
                "<dd>Kultur- och fritidsförvaltningen</dd>",
                "action=\"/accounts/a1\"", "name=\"version\" value=\"&quot;3&quot;\"", "id=\"change-name\"",
                "value=\"Anna Andersson\"", "action=\"/accounts/a1/deactivation\"", "id=\"deactivation-reason\"",
                "action=\"/accounts/a1/password-reset\"", "href=\"/api/views/accounts/a1/personal-data\"",
                "action=\"/accounts/a1/erasure\"", "id=\"erasure-confirm\"", "Inbjuden", "Aktiverat",
                "2026-11-02 09:00").doesNotContain("action=\"/accounts/a1/reactivation\"",
                "action=\"/accounts/a1/invitation\"");
    }

    @Test
    void aLeadDeactivatesAColleagueButChangesNothingElse() {
        IDENTITY.answer("/api/accounts/me", 200, "{\"lead\":true}");

        String page = page("/accounts/a1", LEAD);

        assertThat(page).contains("action=\"/accounts/a1/deactivation\"")
                .doesNotContain("action=\"/accounts/a1\"", "/password-reset", "/personal-data", "/erasure");
    }

    @Test
    void aChangeGoesWithTheVersionItWasMadeAgainstAndAConflictSaysReload() {
        IDENTITY.answer("PUT", "/api/accounts/a1", 412, "{\"title\":\"Precondition failed\",\"status\":412}");

        String page = http.post().uri("/accounts/a1").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("name", "Anna Andersson").with("organisationId", "o2")
                        .with("role", "STAFF").with("lead", "true").with("version", "\"2\""))
                .exchange().expectStatus().isEqualTo(412).expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Någon annan har ändrat kontot medan du arbetade med det",
                "<a href=\"/accounts/a1\">Öppna kontot som det är nu</a>", "name=\"version\" value=\"&quot;2&quot;\"");
        assertThat(IDENTITY.received("/api/accounts/a1")).filteredOn(request -> request.method().equals("PUT"))
                .singleElement().satisfies(request -> {
                    assertThat(request.ifMatch()).isEqualTo("\"2\"");
                    assertThat(request.body()).contains("\"organisationId\":\"o2\"", "\"role\":\"STAFF\"",
                            "\"lead\":true");
                });
    }

    @Test
    void aDeactivationGoesWithItsReasonAndBackToTheAccount() {
        IDENTITY.answer("POST", "/api/accounts/a1/deactivation", 200, ANNA);

        http.post().uri("/accounts/a1/deactivation").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("reason", " Slutat 2026-11-30 ").with("version", "\"3\""))
                .exchange().expectStatus().isSeeOther().expectHeader().location("/accounts/a1");

        assertThat(IDENTITY.received("/api/accounts/a1/deactivation")).singleElement().satisfies(request -> {
            assertThat(request.body()).isEqualTo("{\"reason\":\"Slutat 2026-11-30\"}");
            assertThat(request.ifMatch()).isEqualTo("\"3\"");
        });
    }

    @Test
    void erasureIsSentOnlyOnceConfirmed() {
        String page = http.post().uri("/accounts/a1/erasure").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("version", "\"3\"")).exchange()
                .expectStatus().isBadRequest().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("href=\"#erasure-confirm\"", "Bekräftelse: kryssa i rutan för att bekräfta raderingen",
                "aria-describedby=\"erasure-confirm-error\"");
        assertThat(IDENTITY.received("/api/accounts/a1/erasure")).isEmpty();

        PARTNERSHIP.answer("POST", STAFF_ERASURE, 200, "{\"entriesChanged\":{\"partnership\":2}}");
        PROJECT.answer("POST", STAFF_ERASURE, 200, "{\"entriesChanged\":{\"project\":1}}");
        IDENTITY.answer("POST", "/api/accounts/a1/erasure", 200, ANNA);
        http.post().uri("/accounts/a1/erasure").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("version", "\"3\"").with("confirm", "true")).exchange()
                .expectStatus().isSeeOther().expectHeader().location("/accounts/a1");
        assertThat(IDENTITY.received("/api/accounts/a1/erasure")).singleElement()
                .satisfies(request -> assertThat(request.ifMatch()).isEqualTo("\"3\""));
        // The histories name the person's role and organisation instead, before the account goes.
        for (StubService histories : new StubService[] {PARTNERSHIP, PROJECT}) {
            assertThat(histories.received(STAFF_ERASURE)).singleElement().satisfies(request -> assertThat(
                    request.body()).contains("\"subject\":\"anna.andersson@ostersund.se\"",
                    "\"name\":\"Anna Andersson\"", "\"replacement\":\"STAFF, Kultur- och fritidsförvaltningen\""));
        }
    }

    @Test
    void anAccountIsNotErasedWhileAHistoryStillNamesThePerson() {
        PARTNERSHIP.answer("POST", STAFF_ERASURE, 200, "{\"entriesChanged\":{\"partnership\":0}}");
        PROJECT.answer("POST", STAFF_ERASURE, 503, "{\"title\":\"Service Unavailable\",\"status\":503}");

        http.post().uri("/api/views/accounts/a1/erasure").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .header(HttpHeaders.IF_MATCH, "\"3\"").exchange()
                .expectStatus().isEqualTo(503);

        assertThat(IDENTITY.received("/api/accounts/a1/erasure")).isEmpty();
    }

    @Test
    void aPersonsDataIsGatheredFromTheProviderAndEveryHistory() {
        IDENTITY.answer("/api/accounts/a1/personal-data", 200, "{\"account\":" + ANNA + ",\"log\":[]}");
        String query = "?subject=anna.andersson%40ostersund.se&name=Anna%20Andersson";
        PARTNERSHIP.answer(STAFF_EXPORT + query, 200, "{\"heldIn\":\"partnership-service\",\"entries\":[]}");
        PROJECT.answer(STAFF_EXPORT + query, 200, "{\"heldIn\":\"project-service\",\"entries\":[]}");

        String export = http.get().uri("/api/views/accounts/a1/personal-data")
                .header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).exchange()
                .expectStatus().isOk().expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION, "attachment.*")
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(export).contains("\"username\":\"anna.andersson@ostersund.se\"",
                "\"heldIn\":\"partnership-service\"", "\"heldIn\":\"project-service\"");
        http.get().uri("/api/views/accounts/a1/personal-data").header(HttpHeaders.AUTHORIZATION, bearer(LEAD))
                .exchange().expectStatus().isForbidden();
        assertThat(PARTNERSHIP.received(STAFF_EXPORT + query)).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo(bearer(ADMIN)));
    }

    @Test
    void aPasswordResetLinkIsShownOnceInEnglishToo() {
        IDENTITY.answer("POST", "/api/accounts/a1/password-reset", 201, """
                {"link":"http://localhost:9000/password-reset/r3s3t","expiresAt":"2026-12-07T09:00:00Z","mailed":true}""");

        String page = http.post().uri("/accounts/a1/password-reset?lang=en")
                .header(HttpHeaders.AUTHORIZATION, bearer(ADMIN)).body(BodyInserters.fromFormData("version", "\"3\""))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<html lang=\"en\">", "A link for a new password is made",
                "value=\"http://localhost:9000/password-reset/r3s3t\"", "was also sent to the person",
                "href=\"/accounts/a1\"");
    }

    @Test
    void machineClientsAreTheCoordinatorsAlone() {
        IDENTITY.answer("/api/accounts/me", 200, "{\"lead\":true}")
                .answer("/api/machine-clients", 200, """
                        {"clients":[{"clientId":"partner-system","name":"Regionens projektsystem","organisationId":"o2",
                          "role":"PARTNER","status":"ACTIVE","createdAt":"2026-11-01T08:00:00Z","rotatedAt":null}]}""");

        String notAllowed = http.get().uri("/machine-clients").header(HttpHeaders.AUTHORIZATION, bearer(LEAD))
                .exchange().expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
        assertThat(notAllowed).contains("Maskinklienterna sköts av kommunens internationella samordnare");
        http.post().uri("/machine-clients/partner-system/secret").header(HttpHeaders.AUTHORIZATION, bearer(LEAD))
                .exchange().expectStatus().isForbidden();
        assertThat(IDENTITY.received()).extracting(StubService.Received::uri)
                .doesNotContain("/api/machine-clients", "/api/machine-clients/partner-system/secret");

        assertThat(page("/machine-clients", ADMIN)).contains("Regionens projektsystem", "<code>partner-system</code>",
                "<td>Jämtkraft AB</td>", "Regional partner", "action=\"/machine-clients/partner-system/secret\"",
                "action=\"/machine-clients/partner-system/deactivation\"", "id=\"machine-client-name\"");
    }

    @Test
    void aMachineClientsSecretIsShownOnceWhenMadeAndWhenRotated() {
        String made = """
                {"client":{"clientId":"sanok-system","name":"Sanoks system","organisationId":"o1","role":"PARTNER",
                 "status":"ACTIVE"},"secret":"s3cr3t"}""";
        IDENTITY.answer("POST", "/api/machine-clients", 201, made)
                .answer("POST", "/api/machine-clients/sanok-system/secret", 201, made.replace("s3cr3t", "n3w"));

        String page = http.post().uri("/machine-clients").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .body(BodyInserters.fromFormData("name", "Sanoks system").with("organisationId", "o1")
                        .with("role", "PARTNER"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Maskinklienten är skapad", "id=\"client-id\" readonly class=\"secret\" value=\"sanok-system\"",
                "id=\"client-secret\" readonly class=\"secret\" value=\"s3cr3t\"", TestTokens.ISSUER + "/oauth2/token");
        assertThat(IDENTITY.received("/api/machine-clients")).singleElement().satisfies(request -> assertThat(
                request.body()).isEqualTo("{\"name\":\"Sanoks system\",\"organisationId\":\"o1\",\"role\":\"PARTNER\"}"));

        assertThat(http.post().uri("/machine-clients/sanok-system/secret").header(HttpHeaders.AUTHORIZATION, bearer(ADMIN))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody())
                .contains("Hemligheten är bytt", "value=\"n3w\"", "Den gamla gäller inte längre");
    }

    @Test
    void everySignedInReaderHasALinkToTheirAccountAtTheProvider() {
        assertThat(page("/accounts", ADMIN)).contains("<a href=\"" + TestTokens.ISSUER + "/account\">Mitt konto</a>");
        assertThat(page("/?lang=en", TestTokens.partner("o5")))
                .contains("<a href=\"" + TestTokens.ISSUER + "/account?lang=en\">My account</a>");
    }

    private String page(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
