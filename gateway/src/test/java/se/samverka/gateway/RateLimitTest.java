package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import se.samverka.platform.test.TestTokens;

/** Each client has its own small bucket here: three requests, then hardly any refill. */
@TestPropertySource(properties = {
        "samverka.gateway.rate-limit.capacity=3",
        "samverka.gateway.rate-limit.refill-per-second=0.01",
        "samverka.gateway.rate-limit.exempt-subjects=samverka-runtime"})
class RateLimitTest extends GatewayTest {

    @Test
    void aClientThatDrainsItsBucketGets429WithRetryAfter() {
        String token = bearer(TestTokens.staff("org-1"));
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isOk();
        }
        http.get().uri("/api/views/partner/projects").header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                // One token in 100 s, less what refilled while the first three passed.
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(90L, 100L))
                .expectBody().jsonPath("$.title").isEqualTo("Too many requests");

        // Another caller has a bucket of its own.
        http.get().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("org-2")))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theOpenDataIsLimitedLikeEveryPublicCall() {
        for (int i = 0; i < 3; i++) {
            http.get().uri("/api/open-data/datasets/projects.csv").exchange().expectStatus().isOk();
        }
        http.get().uri("/api/open-data/catalog.ttl").exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER);
        assertThat(REPORTING.received()).as("the fourth never reached reporting-service").hasSize(3);
    }

    @Test
    void thePlatformsOwnClientIsNotLimited() {
        String token = bearer(TestTokens.token().subject("samverka-runtime").role("ADMIN").build());
        for (int i = 0; i < 10; i++) {
            http.get().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, token).exchange().expectStatus().isOk();
        }
    }
}
