package se.samverka.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import se.samverka.platform.test.TestTokens;

/**
 * The gateway while its store does not answer (nothing listens on port 1): calls with a bearer token and the public
 * pages do not need it; a browser with a session gets 503 within seconds, not a 500 or a hang (ADR 0024).
 */
@TestPropertySource(properties = "spring.mongodb.uri=mongodb://localhost:1/gateway")
class StoreDownTest extends GatewayTest {

    @Test
    void callsWithATokenAndThePublicPagesGoOn() {
        PROJECT.answer("/api/projects", 200, "{\"items\":[]}");
        http.get().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("org-1"))).exchange()
                .expectStatus().isOk();

        PROJECT.answer("/api/projects?size=50", 200, "{\"items\":[],\"page\":0,\"size\":50,\"totalItems\":0}");
        http.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk();
    }

    /** A hang would fail on the client's response timeout; the store's own is two seconds. */
    @Test
    void aBrowserWithASessionIsToldToTryAgain() {
        http.get().uri("/api/me").cookie("SESSION", "a-session-the-store-would-know").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Service unavailable");
    }
}
