package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/** The gateway in front of stand-in services that say who they are, what they were asked and with what. */
class GatewayRoutingTest extends GatewayTest {

    @Test
    void routesEachApiToTheServiceThatOwnsIt() {
        expectRouted("/api/organisations", "partnership");
        expectRouted("/api/organisations/42", "partnership");
        expectRouted("/api/partnerships/7", "partnership");
        expectRouted("/api/contact-persons/3/export", "partnership");
        expectRouted("/api/calls", "partnership");
        expectRouted("/api/calls/c1?closingWithinDays=30", "partnership");
        expectRouted("/api/interests", "partnership");
        expectRouted("/api/interests/i1/matches?limit=20", "partnership");
        expectRouted("/api/introductions", "partnership");
        expectRouted("/api/introductions/n1", "partnership");
        expectRouted("/api/projects", "project");
        expectRouted("/api/projects/9?status=IDEA", "project");
        expectRouted("/api/reference", "project");
        expectRouted("/api/reports/portfolio", "reporting");
        expectRouted("/api/reports/broker", "reporting");
        expectRouted("/api/accounts", "identity");
        expectRouted("/api/accounts/a1/log", "identity");
        expectRouted("/api/machine-clients", "identity");
    }

    @Test
    void theOpenDataIsAnyonesWithoutATokenOrCookies() {
        for (String uri : List.of("/api/open-data/datasets", "/api/open-data/datasets/projects.csv",
                "/api/open-data/datasets/funding.json", "/api/open-data/catalog.ttl", "/api/open-data/catalog.jsonld",
                "/api/open-data/catalog")) {
            expectRouted(uri, "reporting");
        }
        http.get().uri("/api/open-data/datasets/projects.csv").cookie("SESSION", "whatever").exchange()
                .expectStatus().isOk();

        assertThat(REPORTING.received()).hasSize(7).allSatisfy(request -> {
            assertThat(request.authorization()).isNull();
            assertThat(request.cookie()).isNull();
        });
    }

    @Test
    void theAccountsAreAskedWithTheCallersToken() {
        String token = TestTokens.admin();
        http.get().uri("/api/accounts/me").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk();

        assertThat(IDENTITY.received("/api/accounts/me")).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo(bearer(token)));
    }

    @Test
    void passesMethodAndBodyThrough() {
        http.post().uri("/api/projects").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"T\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("project")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.body").isEqualTo("{\"title\":\"T\"}");
    }

    @Test
    void aWriteRefusedByOneInstanceReachesTheOtherOnce() {
        // project-service runs twice here, its first instance down (GatewayTest): every other write is refused there.
        for (int write = 1; write <= 4; write++) {
            http.post().uri("/api/projects?n=" + write).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"title\":\"T" + write + "\"}").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.service").isEqualTo("project");
        }

        assertThat(PROJECT.received()).extracting(StubService.Received::uri)
                .containsExactly("/api/projects?n=1", "/api/projects?n=2", "/api/projects?n=3", "/api/projects?n=4");
        assertThat(PROJECT.received()).extracting(StubService.Received::body)
                .containsExactly("{\"title\":\"T1\"}", "{\"title\":\"T2\"}", "{\"title\":\"T3\"}",
                        "{\"title\":\"T4\"}");
    }

    @Test
    void relaysABearerTokenUnchanged() {
        String token = TestTokens.staff("org-1");
        http.get().uri("/api/projects/1").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk();

        assertThat(PROJECT.received("/api/projects/1")).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo(bearer(token)));
    }

    @Test
    void anAnonymousRequestGoesOnWithoutAuthorizationOrCookies() {
        http.get().uri("/api/projects/2").cookie("SESSION", "whatever").exchange().expectStatus().isOk();

        assertThat(PROJECT.received("/api/projects/2")).singleElement().satisfies(request -> {
            assertThat(request.authorization()).isNull();
            assertThat(request.cookie()).isNull();
        });
    }

    @Test
    void routesEachServicesOpenApiDocument() {
        http.get().uri("/v3/api-docs/project").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("project").jsonPath("$.path").isEqualTo("/v3/api-docs");
        http.get().uri("/v3/api-docs/reporting").exchange()
                .expectBody().jsonPath("$.service").isEqualTo("reporting");
    }

    @Test
    void aServiceThatIsDownIs503WithAProblemDocument() {
        // The stand-in subscription-service is down: its routes, the API and the public feeds, answer 503, not 404.
        for (String uri : List.of("/api/subscriptions", "/feeds/public-projects.atom")) {
            http.get().uri(uri).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Service unavailable");
        }
    }

    @Test
    void aServiceGoneBeforeItAnsweredIs502AndTheChangeIsNotSentAgain() {
        PROJECT.breakOff("/api/projects");

        http.post().uri("/api/projects").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("org-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Vänortsutbyte\"}").exchange()
                .expectStatus().isEqualTo(502)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://samverka.se/problems/service-broke-off")
                .jsonPath("$.title").isEqualTo("Service broke off");
        // Not to the other instance either: the first may have made the change before it went.
        assertThat(PROJECT.received("/api/projects")).hasSize(1);
    }

    @Test
    void anAddressNoServiceOwnsIs404() {
        http.get().uri("/api/nothing-here").exchange().expectStatus().isNotFound();
    }

    @Test
    void isHealthyOnItsOwn() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private void expectRouted(String uri, String service) {
        http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(uri);
    }
}
