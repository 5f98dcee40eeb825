package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/**
 * The gateway is the part anyone reaches: anyone may ask whether it is up, but how it is up (disk paths, its parts)
 * and its metrics are the coordinator's, and no address reaches a service's own operator endpoints, or a service at
 * all unless it is plain text.
 */
class OperatorEndpointsTest extends GatewayTest {

    private static final List<String> OPERATOR_ENDPOINTS =
            List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info",
                    "/actuator");

    @Test
    void anyoneReadsWhetherTheGatewayIsUpAndNothingMore() {
        for (String token : new String[] {null, TestTokens.staff("org-1"), TestTokens.partner("org-2")}) {
            var request = http.get().uri("/actuator/health");
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, bearer(token));
            }
            request.exchange().expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
        }
    }

    @Test
    void theCoordinatorReadsTheHealthOfEveryPartWithItsDetails() {
        http.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin())).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.diskSpace.details.path").exists();
    }

    @Test
    void metricsAndTheOtherOperatorEndpointsAreTheCoordinators() {
        for (String uri : OPERATOR_ENDPOINTS) {
            http.get().uri(uri).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
            http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("org-1"))).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        String admin = bearer(TestTokens.admin());
        // The page grows with every route and page the other tests called, past the client's default 256 KB.
        String metrics = http.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build()
                .get().uri("/actuator/prometheus").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        http.get().uri("/actuator/metrics").header(HttpHeaders.AUTHORIZATION, admin).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.names").isArray();
    }

    @Test
    void noAddressReachesTheOperatorEndpointsOfAService() {
        for (String path : new String[] {"/api/projects/../../actuator/prometheus",
                "/api/projects/%2e%2e/%2e%2e/actuator/prometheus", "/api/projects/..%2F..%2Factuator%2Fprometheus",
                "/api/projects/%2E%2E%5C%2E%2E%5Cactuator/env", "/api/projects/x%00/../../actuator/health",
                "/api/projects/;/../../actuator/metrics"}) {
            http.get().uri(URI.create("http://localhost:" + port + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("https://samverka.se/problems/malformed-request");
        }
        assertThat(PROJECT.received()).isEmpty();
    }

    @Test
    void aPathThatIsNoTextIsAProblemAtTheEdgeAndReachesNoService() {
        for (String path : new String[] {"/api/projects/%ff", "/api/projects/%ed%a0%80", "/api/projects/%01",
                "/api/organisations/%c2%85/contact-persons"}) {
            http.get().uri(URI.create("http://localhost:" + port + path)).exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        assertThat(PROJECT.received()).isEmpty();
        assertThat(PARTNERSHIP.received()).isEmpty();
    }
}
