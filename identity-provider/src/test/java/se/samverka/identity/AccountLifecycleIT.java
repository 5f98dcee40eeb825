package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import se.samverka.identity.account.Account;
import se.samverka.identity.account.AccountStatus;
import se.samverka.identity.account.AccountStore;
import se.samverka.identity.account.LogAction;
import se.samverka.identity.account.LogEntry;
import se.samverka.identity.account.OneTimeLink;
import se.samverka.identity.account.Retention;
import se.samverka.identity.revocation.Revocation;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;

/**
 * An account's life, over the API and the pages: invited, its password chosen, logged in with; deactivated, its
 * sessions and tokens ended, reactivated; erased, by request or when its retention has passed.
 */
class AccountLifecycleIT extends IdentityProviderTestSupport {

    private static final String PASSWORD = "en lång mening om Storsjön";

    @Autowired
    AccountStore store;
    @Autowired
    Retention retention;

    @Test
    void anInvitedPersonChoosesAPasswordAndLogsInWithTheRightClaims() {
        String email = newEmail();
        JsonNode invited = invite(email, "STAFF", OSTERSUND, false);
        String link = invited.get("invitation").get("link").asString();
        String path = link.substring(ISSUER.length());
        assertThat(linkIn(awaitMail(email, 1).text())).isEqualTo(path);

        Browser browser = new Browser();
        HttpResponse<String> form = browser.get(path);
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<html lang=\"sv\">", "Välj ditt lösenord", email,
                "<label for=\"password\">Nytt lösenord</label>", "aria-describedby=\"password-hint\"");

        HttpResponse<String> tooShort = browser.post(path, form, "password", "kort", "repeat", "kort");
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("id=\"password-error\"", "behöver minst 12 tecken",
                "aria-describedby=\"password-hint password-error\"", "aria-invalid=\"true\"");
        HttpResponse<String> namesThem = browser.post(path, tooShort, "password", email + "!", "repeat", email + "!");
        assertThat(namesThem.body()).contains("får inte innehålla ditt användarnamn");
        HttpResponse<String> differ = browser.post(path, namesThem, "password", PASSWORD, "repeat", PASSWORD + "!");
        assertThat(differ.body()).contains("id=\"repeat-error\"", "Lösenorden skiljer sig åt");
        assertThat(store.byUsername(email)).hasValueSatisfying(account ->
                assertThat(account.status()).isEqualTo(AccountStatus.INVITED));

        HttpResponse<String> accepted = browser.post(path, differ, "password", PASSWORD, "repeat", PASSWORD);
        assertThat(accepted.statusCode()).isEqualTo(302);
        assertThat(location(accepted)).isEqualTo(PORTAL + "login");
        assertThat(new Browser().get(path).statusCode()).as("the link is used up").isEqualTo(404);

        JsonNode tokens = new Browser().logIn(email, PASSWORD);
        Jwt access = decode(tokens.get("access_token").asString());
        assertThat(access.getSubject()).isEqualTo(email);
        assertThat(access.getClaimAsString("name")).isEqualTo("Ingrid Inbjuden");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("STAFF");
        assertThat(access.getClaimAsString("org")).isEqualTo(OSTERSUND);

        JsonNode me = json(api("GET", "/api/accounts/me", tokens.get("access_token").asString(), null).body());
        assertThat(me.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(me.get("lastLoginAt").isNull()).isFalse();
        Account stored = store.byUsername(email).orElseThrow();
        assertThat(stored.password()).startsWith("{argon2@SpringSecurity_v5_8}$argon2id$v=19$m=16384,t=2,p=1$")
                .doesNotContain(PASSWORD);
        assertThat(stored.invitation()).isNull();
        assertThat(stored.log()).extracting(LogEntry::action).containsExactly(LogAction.INVITED, LogAction.ACTIVATED);
    }

    @Test
    void aDeactivatedPersonCanNeitherRefreshNorLogInAndTheirTokensAreRevokedUntilReactivated() {
        String email = newEmail();
        String id = accept(invite(email, "STAFF", OSTERSUND, false));
        Browser browser = new Browser();
        JsonNode tokens = browser.logIn(email, PASSWORD);
        String access = tokens.get("access_token").asString();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(api("GET", "/api/accounts/me", access, null).statusCode()).isEqualTo(200);

        HttpResponse<String> deactivated = api("POST", "/api/accounts/" + id + "/deactivation", admin(),
                "{\"reason\":\"slutat\"}");
        assertThat(deactivated.statusCode()).isEqualTo(200);
        assertThat(json(deactivated.body()).get("status").asString()).isEqualTo("DEACTIVATED");

        HttpResponse<String> refresh = token("samverka-portal", PORTAL_SECRET, fields("grant_type", "refresh_token",
                "refresh_token", tokens.get("refresh_token").asString()));
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(json(refresh.body()).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(location(new Browser().submitLogin(email, PASSWORD))).isEqualTo(url("/login?error"));
        assertThat(browser.authorize().statusCode()).as("the session at the provider has ended").isEqualTo(302);
        assertThat(location(browser.authorize())).isEqualTo(url("/login"));
        assertThat(api("GET", "/api/accounts/me", access, null).statusCode()).isEqualTo(401);

        JsonNode feed = json(api("GET", "/api/accounts/revocations?since=" + before.minusSeconds(1), null, null).body());
        assertThat(feed.get("revocations").valueStream()
                .filter(revocation -> revocation.get("subjectHash").asString().equals(Revocation.hash(email))))
                .singleElement().satisfies(revocation -> assertThat(Instant.parse(revocation.get("at").asString()))
                        .isAfterOrEqualTo(before));
        assertThat(feed.toString()).doesNotContain(email);
        Instant now = Instant.parse(feed.get("now").asString());
        assertThat(json(api("GET", "/api/accounts/revocations?since=" + now.plusSeconds(60), null, null).body())
                .get("revocations").size()).isZero();

        assertThat(api("POST", "/api/accounts/" + id + "/reactivation", admin(), null).statusCode()).isEqualTo(200);
        Jwt renewed = decode(new Browser().logIn(email, PASSWORD).get("access_token").asString());
        assertThat(renewed.getIssuedAt()).as("later than the revocation, so the gateway takes it")
                .isAfter(store.byId(id).orElseThrow().revocation().at());
        assertThat(json(api("GET", "/api/accounts/" + id + "/log", admin(), null).body()).get("entries").valueStream()
                .map(entry -> entry.get("action").asString() + " " + entry.get("details").asString()))
                .containsSubsequence("DEACTIVATED reason: slutat", "REACTIVATED ");
    }

    @Test
    void passwordsAreKeptAsArgon2IdHashesAndAnOlderHashIsHashedAnewAtTheNextLogin() {
        assertThat(store.byUsername("admin").orElseThrow().password())
                .as("the seed's {noop} password, hashed on import").startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");

        new Browser().logIn("staff", "demo-staff");

        assertThat(store.byUsername("staff").orElseThrow().password()).as("the seed's bcrypt hash")
                .startsWith("{argon2@SpringSecurity_v5_8}$argon2id$");
        assertThat(new Browser().logIn("staff", "demo-staff").has("access_token")).isTrue();
    }

    @Test
    void anErasedPersonIsNamedByTheirRoleAndOrganisationAndWhatTheyDidIsKept() {
        String email = newEmail();
        String leadId = accept(invite(email, "STAFF", OTHER, true));
        String leadToken = new Browser().logIn(email, PASSWORD).get("access_token").asString();
        String colleague = json(api("POST", "/api/accounts/invitations", leadToken, """
                {"name":"Kollega","email":"%s","organisationId":"org-other","role":"STAFF"}""".formatted(newEmail()))
                .body()).get("account").get("id").asString();

        JsonNode export = json(api("GET", "/api/accounts/me/personal-data", leadToken, null).body());
        assertThat(export.get("account").get("email").asString()).isEqualTo(email);
        assertThat(export.get("log").valueStream().map(entry -> entry.get("action").asString()))
                .containsExactly("INVITED", "ACTIVATED");
        assertThat(export.get("actions")).singleElement().satisfies(action -> {
            assertThat(action.get("accountId").asString()).isEqualTo(colleague);
            assertThat(action.get("action").asString()).isEqualTo("INVITED");
        });

        HttpResponse<String> erased = api("POST", "/api/accounts/" + leadId + "/erasure", admin(), null);

        assertThat(erased.statusCode()).isEqualTo(200);
        JsonNode account = json(erased.body());
        assertThat(account.get("status").asString()).isEqualTo("ERASED");
        assertThat(account.get("name").asString()).isEqualTo("STAFF, org-other");
        assertThat(account.get("email").isNull()).isTrue();
        assertThat(account.get("username").asString()).isEqualTo("erased-" + leadId);
        assertThat(store.byId(leadId).orElseThrow().toString()).doesNotContain(email, "Ingrid");
        assertThat(json(api("GET", "/api/accounts/" + colleague + "/log", admin(), null).body()).get("entries")
                .get(0).get("by").asString()).isEqualTo("STAFF, org-other");
        assertThat(json(api("GET", "/api/accounts/" + leadId + "/log", admin(), null).body()).get("entries")
                .valueStream().map(entry -> entry.get("by").asString()))
                .containsExactly("admin", "STAFF, org-other", "admin");
        assertThat(api("GET", "/api/accounts/me", leadToken, null).statusCode()).isEqualTo(401);
        assertThat(api("GET", "/api/accounts/revocations", null, null).body()).contains(Revocation.hash(email));
        assertThat(api("POST", "/api/accounts/" + leadId + "/erasure", admin(), null).statusCode()).isEqualTo(409);
    }

    @Test
    void accountsArePastTheirRetentionAreErased() {
        Instant now = Instant.now();
        String longGone = stored(AccountStatus.DEACTIVATED, now.minus(Duration.ofDays(3 * 366)), null);
        String recentlyGone = stored(AccountStatus.DEACTIVATED, now.minus(Duration.ofDays(30)), null);
        String neverCame = stored(AccountStatus.INVITED, null, now.minus(Duration.ofDays(31)));
        String stillInvited = stored(AccountStatus.INVITED, null, now.minus(Duration.ofDays(29)));

        retention.eraseExpired();

        assertThat(List.of(longGone, recentlyGone, neverCame, stillInvited)).map(id -> store.byId(id).orElseThrow()
                .status()).containsExactly(AccountStatus.ERASED, AccountStatus.DEACTIVATED, AccountStatus.ERASED,
                AccountStatus.INVITED);
        assertThat(store.byId(longGone).orElseThrow().log()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(LogAction.ERASED);
            assertThat(entry.by()).isEqualTo("retention");
        });
    }

    private String stored(AccountStatus status, Instant deactivatedAt, Instant invitationExpiredAt) {
        String id = UUID.randomUUID().toString();
        String email = newEmail();
        store.insert(new Account(id, 1, email, "Gammal Person", email, OSTERSUND, Role.STAFF, false, status,
                null, null, invitationExpiredAt == null ? null : new OneTimeLink("hash-" + id, invitationExpiredAt),
                null, Instant.now().minus(Duration.ofDays(4 * 365)), null, deactivatedAt, null, List.of()));
        return id;
    }

    private String admin() {
        return personToken("admin", "demo-admin");
    }

    private JsonNode invite(String email, String role, String organisationId, boolean lead) {
        HttpResponse<String> response = api("POST", "/api/accounts/invitations", admin(), """
                {"name":"Ingrid Inbjuden","email":"%s","organisationId":"%s","role":"%s","lead":%s}"""
                .formatted(email, organisationId, role, lead));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response.body());
    }

    /** Accepts an invitation with {@link #PASSWORD}; returns the account's id. */
    private String accept(JsonNode invited) {
        String path = invited.get("invitation").get("link").asString().substring(ISSUER.length());
        Browser browser = new Browser();
        HttpResponse<String> accepted = browser.post(path, browser.get(path), "password", PASSWORD, "repeat", PASSWORD);
        assertThat(accepted.statusCode()).isEqualTo(302);
        return invited.get("account").get("id").asString();
    }
}
