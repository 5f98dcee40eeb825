package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** A person logs in through the portal's client, like a browser would, one redirect at a time. */
class AuthorizationCodeFlowIT extends IdentityProviderTestSupport {

    private final Browser browser = new Browser();

    @Test
    void aUserLogsInAndThePortalGetsTokensThatSayWhoTheUserIs() {
        String authorize = "/oauth2/authorize?" + form(fields("response_type", "code", "client_id", "samverka-portal",
                "scope", "openid profile", "redirect_uri", PORTAL_REDIRECT, "state", "state-1", "nonce", "nonce-1"));

        HttpResponse<String> toLogin = browse("GET", authorize, null);
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(location(toLogin)).isEqualTo(url("/login"));

        HttpResponse<String> loginPage = browse("GET", "/login", null);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        assertThat(loginPage.body())
                .contains("<html lang=\"sv\">", "<h1>Logga in på Samverka</h1>", "<main id=\"main\">",
                        "<label for=\"username\">Användarnamn</label>", "id=\"username\"",
                        "<label for=\"password\">Lösenord</label>", "id=\"password\"")
                .doesNotContain("Fel användarnamn eller lösenord.", "http://", "https://", "<script");
        assertThat(loginPage.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                policy -> assertThat(policy).contains("default-src 'none'"));

        HttpResponse<String> wrong = browse("POST", "/login",
                fields("username", "staff", "password", "wrong", "_csrf", csrf(loginPage)));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(location(wrong)).isEqualTo(url("/login?error"));
        HttpResponse<String> errorPage = browse("GET", "/login?error", null);
        assertThat(errorPage.body()).contains("role=\"alert\">Fel användarnamn eller lösenord.</p>",
                "aria-invalid=\"true\"");

        HttpResponse<String> loggedIn = browse("POST", "/login",
                fields("username", "staff", "password", "demo-staff", "_csrf", csrf(errorPage)));
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(location(loggedIn)).startsWith(url("/oauth2/authorize?"));

        HttpResponse<String> toPortal = browse("GET", location(loggedIn).substring(url("").length()), null);
        assertThat(toPortal.statusCode()).isEqualTo(302);
        assertThat(location(toPortal)).startsWith(PORTAL_REDIRECT + "?");
        Map<String, String> callback = UriComponentsBuilder.fromUriString(location(toPortal)).build()
                .getQueryParams().toSingleValueMap();
        assertThat(callback).containsEntry("state", "state-1").containsKey("code");

        HttpResponse<String> exchange = token("samverka-portal", PORTAL_SECRET, fields("grant_type",
                "authorization_code", "code", callback.get("code"), "redirect_uri", PORTAL_REDIRECT));
        assertThat(exchange.statusCode()).isEqualTo(200);
        JsonNode tokens = json(exchange.body());

        Jwt access = decode(tokens.get("access_token").asString());
        assertThat(access.getIssuer()).hasToString(ISSUER);
        assertThat(access.getAudience()).containsExactly("samverka");
        assertThat(access.getSubject()).isEqualTo("staff");
        assertThat(access.getClaimAsStringList("roles")).containsExactly("STAFF");
        assertThat(access.getClaimAsString("org")).isEqualTo("org-ostersund");
        assertThat(access.getClaimAsString("name")).isEqualTo("Sven Svensson");

        Jwt id = decode(tokens.get("id_token").asString());
        assertThat(id.getIssuer()).hasToString(ISSUER);
        assertThat(id.getAudience()).containsExactly("samverka-portal");
        assertThat(id.getSubject()).isEqualTo("staff");
        assertThat(id.getClaimAsString("nonce")).isEqualTo("nonce-1");
        assertThat(id.getClaimAsStringList("roles")).containsExactly("STAFF");
        assertThat(id.getClaimAsString("org")).isEqualTo("org-ostersund");
        assertThat(id.getClaimAsString("name")).isEqualTo("Sven Svensson");

        HttpResponse<String> userInfo = send(browser.client, HttpRequest.newBuilder(URI.create(url("/userinfo")))
                .header("Authorization", "Bearer " + tokens.get("access_token").asString()).GET().build());
        assertThat(userInfo.statusCode()).isEqualTo(200);
        JsonNode user = json(userInfo.body());
        assertThat(user.get("sub").asString()).isEqualTo("staff");
        assertThat(user.get("name").asString()).isEqualTo("Sven Svensson");
        assertThat(user.get("roles").get(0).asString()).isEqualTo("STAFF");
        assertThat(user.get("org").asString()).isEqualTo("org-ostersund");

        HttpResponse<String> refreshed = token("samverka-portal", PORTAL_SECRET,
                fields("grant_type", "refresh_token", "refresh_token", tokens.get("refresh_token").asString()));
        assertThat(refreshed.statusCode()).isEqualTo(200);
        JsonNode renewed = json(refreshed.body());
        assertThat(decode(renewed.get("access_token").asString()).getClaimAsString("org")).isEqualTo("org-ostersund");

        // A refresh replaces the ID token too; logout takes the current one as its hint.
        HttpResponse<String> logout = browse("GET", "/connect/logout?" + form(fields(
                "id_token_hint", renewed.get("id_token").asString(),
                "post_logout_redirect_uri", "http://localhost:8080/")), null);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo("http://localhost:8080/");
        assertThat(browse("GET", authorize, null).headers().firstValue("Location")).hasValue(url("/login"));
    }

    @Test
    void anAdministratorWithoutOrganisationGetsNoOrgClaim() {
        String authorize = "/oauth2/authorize?" + form(fields("response_type", "code", "client_id", "samverka-portal",
                "scope", "openid", "redirect_uri", PORTAL_REDIRECT, "state", "s"));
        browse("GET", authorize, null);
        HttpResponse<String> loginPage = browse("GET", "/login", null);
        HttpResponse<String> loggedIn = browse("POST", "/login",
                fields("username", "admin", "password", "demo-admin", "_csrf", csrf(loginPage)));
        HttpResponse<String> toPortal = browse("GET", location(loggedIn).substring(url("").length()), null);
        String code = UriComponentsBuilder.fromUriString(location(toPortal)).build().getQueryParams().getFirst("code");

        JsonNode tokens = json(token("samverka-portal", PORTAL_SECRET, fields("grant_type", "authorization_code",
                "code", code, "redirect_uri", PORTAL_REDIRECT)).body());

        Jwt id = decode(tokens.get("id_token").asString());
        assertThat(id.getClaimAsStringList("roles")).containsExactly("ADMIN");
        assertThat(id.getClaimAsString("name")).isEqualTo("Anna Andersson");
        assertThat(id.hasClaim("org")).isFalse();
    }

    @Test
    void aLoginWithoutCsrfTokenIsRefused() {
        browse("GET", "/login", null);

        HttpResponse<String> response = browse("POST", "/login", fields("username", "admin", "password", "demo-admin"));

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void anUnregisteredRedirectUriGetsNoCode() {
        HttpResponse<String> response = browse("GET", "/oauth2/authorize?" + form(fields("response_type", "code",
                "client_id", "samverka-portal", "scope", "openid", "redirect_uri", "http://evil.example/cb")), null);

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> browse(String method, String path, Map<String, String> form) {
        return browser.browse(method, path, form);
    }
}
