package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import se.samverka.platform.test.TestTokens;

/** The browser's way in: login at the identity provider, a session cookie, and CSRF protection for that cookie. */
class BrowserSessionTest extends GatewayTest {

    @Test
    void loginStartsAtTheIdentityProvidersAuthorizeEndpoint() {
        http.get().uri("/login").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/samverka");

        EntityExchangeResult<byte[]> start = http.get().uri("/oauth2/authorization/samverka").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult();

        URI location = start.getResponseHeaders().getLocation();
        assertThat(location.toString()).startsWith(TestTokens.ISSUER + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=samverka-portal", "scope=openid%20profile",
                        "redirect_uri=http://localhost:" + port + "/login/oauth2/code/samverka");
        ResponseCookie session = start.getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Lax");
    }

    @Test
    void aChangeMadeWithTheSessionCookieNeedsTheCsrfHeader() {
        String session = startSession();

        http.post().uri("/api/projects").cookie("SESSION", session)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(PROJECT.received()).isEmpty();

        ResponseCookie xsrf = http.get().uri("/api/me").cookie("SESSION", session).exchange()
                .expectStatus().isOk().expectBody().returnResult().getResponseCookies().getFirst("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        assertThat(xsrf.isHttpOnly()).isFalse();
        http.post().uri("/api/projects").cookie("SESSION", session).cookie("XSRF-TOKEN", xsrf.getValue())
                .header("X-XSRF-TOKEN", xsrf.getValue())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("POST");
    }

    @Test
    void aChangeMadeWithABearerTokenNeedsNoCsrfHeader() {
        String session = startSession();

        http.post().uri("/api/projects").cookie("SESSION", session)
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("org-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void logoutWithoutALoginComesBackToTheStart() {
        http.post().uri("/logout").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/");
    }

    private String startSession() {
        ResponseCookie session = http.get().uri("/oauth2/authorization/samverka").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult().getResponseCookies().getFirst("SESSION");
        assertThat(session).isNotNull();
        return session.getValue();
    }
}
