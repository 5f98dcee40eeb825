package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Headers that make a browser careful, on the gateway's own answers and on the services' alike; Swagger UI works. */
class SecurityHeadersTest extends GatewayTest {

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        expectSecurityHeaders(http.get().uri("/api/me").exchange().expectStatus().isOk());
        expectSecurityHeaders(http.get().uri("/api/projects/5").exchange().expectStatus().isOk());
        expectSecurityHeaders(http.get().uri("/api/nothing-here").exchange().expectStatus().isNotFound());
    }

    @Test
    @SuppressWarnings("unchecked")
    void swaggerUiListsTheServicesAndTheGatewaysOwnViews() {
        String location = http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .expectBody().returnResult().getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).contains("swagger-ui/index.html");

        http.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'"));

        http.get().uri("/v3/api-docs/gateway/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").value(urls -> assertThat((List<Object>) urls).contains(
                        "/v3/api-docs/gateway", "/v3/api-docs/partnership", "/v3/api-docs/project",
                        "/v3/api-docs/reporting", "/v3/api-docs/subscription"));
        // Springdoc builds the document at its first request, which takes a while on a small machine.
        http.mutate().responseTimeout(Duration.ofSeconds(30)).build().get().uri("/v3/api-docs/gateway").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/views/projects/{id}']").exists()
                .jsonPath("$.paths['/api/views/dashboard']").exists()
                .jsonPath("$.paths['/api/me']").exists();
    }

    private static void expectSecurityHeaders(WebTestClient.ResponseSpec response) {
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .startsWith("default-src 'self'").contains("frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"))
                .expectHeader().value("Permissions-Policy", policy -> assertThat(policy).contains("camera=()"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("no-store"))
                // Served over plain HTTP here: HSTS would mean nothing.
                .expectHeader().doesNotExist("Strict-Transport-Security");
    }
}
