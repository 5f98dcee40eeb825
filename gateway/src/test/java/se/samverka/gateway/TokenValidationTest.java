package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/** Every bearer token is validated at the gateway, whatever the address; a refused one never reaches a service. */
class TokenValidationTest extends GatewayTest {

    static String[] refusedTokens() {
        return new String[] {
                TestTokens.token().role("STAFF").organisation("org-1").expired().build(),
                TestTokens.token().role("STAFF").audience("other").build(),
                TestTokens.token().role("STAFF").issuer("http://someone-else").build(),
                TestTokens.token().role("STAFF").signedByAnotherKey().build(),
                TestTokens.token().role("ADMIN").unsigned().build(),
                "not-a-jwt"};
    }

    @ParameterizedTest
    @MethodSource("refusedTokens")
    void refusesAnInvalidTokenWith401Problem(String token) {
        for (String uri : new String[] {"/api/projects/1", "/api/me", "/api/views/partner/projects"}) {
            http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                    .expectBody().jsonPath("$.status").isEqualTo(401)
                    .jsonPath("$.type").isEqualTo("https://samverka.se/problems/unauthenticated");
        }
        assertThat(PROJECT.received()).isEmpty();
    }

    @Test
    void tellsWhoTheCallerIs() {
        String token = TestTokens.token().role("STAFF").organisation("org-9").name("Anna Andersson").build();
        http.get().uri("/api/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.authenticated").isEqualTo(true)
                .jsonPath("$.subject").value(subject -> assertThat((String) subject).startsWith("test-"))
                .jsonPath("$.name").isEqualTo("Anna Andersson")
                .jsonPath("$.role").isEqualTo("STAFF")
                .jsonPath("$.organisationId").isEqualTo("org-9");
    }

    @Test
    void anAnonymousCallerIsNotAuthenticated() {
        http.get().uri("/api/me").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.authenticated").isEqualTo(false)
                .jsonPath("$.role").isEmpty();
    }
}
