package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/** Views composed from the stand-in services, as the caller, with failing parts named in degraded. */
class ViewsTest extends GatewayTest {

    private static final String PROJECT_P1 = """
            {"id":"p1","title":"Vinterstaden","owner":{"id":"o0","name":"Kommunen"},
             "partners":[{"organisationId":"o1"},{"organisationId":"o2"}],"partnershipIds":["s1"]}""";
    private static final String O1 = "{\"id\":\"o1\",\"name\":\"Trondheim kommune\"}";
    private static final String S1 = "{\"id\":\"s1\",\"name\":\"Vänort Trondheim\",\"parties\":[{\"organisationId\":\"o1\"}]}";
    private static final String FIGURES = "{\"projectId\":\"p1\",\"granted\":1000}";
    private static final String NOT_FOUND = "{\"title\":\"Not found\",\"status\":404}";
    private static final String BROKEN = "{\"title\":\"Internal error\",\"status\":500}";

    @Test
    void aProjectViewComposesTheProjectItsPartnersPartnershipsAndFiguresAsTheCaller() {
        String token = bearer(TestTokens.staff("o0"));
        projectWithEverything();
        PARTNERSHIP.answer("/api/organisations/o2", 404, NOT_FOUND);

        http.get().uri("/api/views/projects/p1").header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.project.title").isEqualTo("Vinterstaden")
                // o2 is hidden from this caller: left out, not degraded.
                .jsonPath("$.partnerOrganisations.length()").isEqualTo(1)
                .jsonPath("$.partnerOrganisations[0].name").isEqualTo("Trondheim kommune")
                .jsonPath("$.partnerships[0].name").isEqualTo("Vänort Trondheim")
                .jsonPath("$.figures.granted").isEqualTo(1000)
                .jsonPath("$.degraded").isEmpty();

        assertThat(PROJECT.received("/api/projects/p1").get(0).authorization()).isEqualTo(token);
        assertThat(PARTNERSHIP.received()).extracting(StubService.Received::authorization).containsOnly(token);
        assertThat(REPORTING.received("/api/reports/projects/p1").get(0).authorization()).isEqualTo(token);
    }

    @Test
    void projectsNotYetInTheReportsHaveNoFiguresWithoutBeingDegraded() {
        projectWithEverything();
        REPORTING.answer("/api/reports/projects/p1", 404, NOT_FOUND);

        http.get().uri("/api/views/projects/p1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.figures").isEmpty()
                .jsonPath("$.degraded").isEmpty();
        assertThat(REPORTING.received("/api/reports/projects/p1").get(0).authorization()).isNull();
    }

    @Test
    void anOptionalPartThatFailsOrTimesOutIsNamedInDegraded() {
        projectWithEverything();
        PARTNERSHIP.answer("/api/organisations/o2", 500, BROKEN);
        REPORTING.hang("/api/reports/projects/p1");

        http.get().uri("/api/views/projects/p1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.project.id").isEqualTo("p1")
                .jsonPath("$.partnerOrganisations.length()").isEqualTo(1)
                .jsonPath("$.figures").isEmpty()
                .jsonPath("$.degraded").value(degraded -> assertThat(degraded.toString())
                        .contains("organisation:o2", "reporting").doesNotContain("organisation:o1"));
    }

    @Test
    void aServiceThatKeepsFailingIsSkippedOnceItsBreakerOpens() {
        projectWithEverything();
        REPORTING.answer("/api/reports/projects/p1", 500, BROKEN);
        for (int i = 0; i < 4; i++) {
            http.get().uri("/api/views/projects/p1").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.degraded[0]").isEqualTo("reporting");
        }
        assertThat(breakers.getCircuitBreakerRegistry().circuitBreaker("reporting").getState())
                .isEqualTo(CircuitBreaker.State.OPEN);

        http.get().uri("/api/views/projects/p1").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.degraded[0]").isEqualTo("reporting");
        assertThat(REPORTING.received()).hasSize(4);
    }

    @Test
    void theRequiredPartDecidesTheStatus() {
        PROJECT.answer("/api/projects/hidden", 404, NOT_FOUND);
        http.get().uri("/api/views/projects/hidden").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);

        PROJECT.answer("/api/projects/broken", 500, BROKEN);
        http.get().uri("/api/views/projects/broken").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Service unavailable");

        PROJECT.answer("/api/projects/secret", 403, "{\"title\":\"Not allowed\",\"status\":403,\"detail\":\"no\"}");
        http.get().uri("/api/views/projects/secret").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("no");

        PROJECT.hang("/api/projects/slow");
        http.get().uri("/api/views/projects/slow").exchange().expectStatus().isEqualTo(503);

        assertThat(PARTNERSHIP.received()).isEmpty();
    }

    @Test
    void aPartnershipViewComposesItsPartiesAndLinkedProjects() {
        PARTNERSHIP.answer("/api/partnerships/s1", 200, S1).answer("/api/organisations/o1", 200, O1);
        PROJECT.answer("/api/projects?partnership=s1", 200, "{\"items\":[" + PROJECT_P1 + "],\"page\":0}");

        http.get().uri("/api/views/partnerships/s1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.partnership.name").isEqualTo("Vänort Trondheim")
                .jsonPath("$.partyOrganisations[0].id").isEqualTo("o1")
                .jsonPath("$.projects[0].id").isEqualTo("p1")
                .jsonPath("$.degraded").isEmpty();

        PROJECT.answer("/api/projects?partnership=s1", 500, BROKEN);
        http.get().uri("/api/views/partnerships/s1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.projects").isEmpty()
                .jsonPath("$.degraded[0]").isEqualTo("projects");

        PARTNERSHIP.answer("/api/partnerships/gone", 404, NOT_FOUND);
        http.get().uri("/api/views/partnerships/gone").exchange().expectStatus().isNotFound();
    }

    @Test
    void theDashboardIsForStaff() {
        http.get().uri("/api/views/dashboard").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/views/dashboard").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o5")))
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(REPORTING.received()).isEmpty();
    }

    @Test
    void theDashboardComposesPortfolioMyProjectsAndActivity() {
        REPORTING.answer("/api/reports/portfolio", 200, "{\"projects\":12}")
                .answer("/api/reports/activity?limit=10", 200, "{\"lines\":[{\"what\":\"x\"}]}");
        PROJECT.answer("/api/projects?owner=o0", 200, "{\"items\":[" + PROJECT_P1 + "],\"totalItems\":1}");

        http.get().uri("/api/views/dashboard").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.me.role").isEqualTo("STAFF")
                .jsonPath("$.portfolio.projects").isEqualTo(12)
                .jsonPath("$.myProjects.items[0].id").isEqualTo("p1")
                .jsonPath("$.activity.lines[0].what").isEqualTo("x")
                .jsonPath("$.degraded").isEmpty();

        REPORTING.answer("/api/reports/activity?limit=10", 500, BROKEN);
        http.get().uri("/api/views/dashboard").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.activity").isEmpty()
                .jsonPath("$.degraded[0]").isEqualTo("activity");
    }

    @Test
    void aDashboardWithNoPartReadableIs503() {
        REPORTING.answer("/api/reports/portfolio", 500, BROKEN).answer("/api/reports/activity?limit=10", 500, BROKEN);
        PROJECT.answer("/api/projects?owner=o0", 500, BROKEN);

        http.get().uri("/api/views/dashboard").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theCataloguePassesItsFiltersOnAndNamesOwnersProjectServiceCouldNot() {
        PROJECT.answer("/api/projects?status=ONGOING&country=NO&q=vinter&page=1&size=2", 200, """
                {"items":[{"id":"p1","owner":{"id":"o0","name":"Kommunen"}},{"id":"p2","owner":{"id":"o7","name":null}}],
                 "page":1,"size":2,"totalItems":3,"totalPages":2}""");
        PARTNERSHIP.answer("/api/organisations/o7", 200, "{\"id\":\"o7\",\"name\":\"Jämtland Härjedalen Turism\"}");
        String token = bearer(TestTokens.partner("o5"));

        http.get().uri("/api/views/partner/projects?status=ONGOING&country=NO&q=vinter&page=1&size=2&owner=ignored")
                .header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[1].id").isEqualTo("p2")
                .jsonPath("$.page.number").isEqualTo(1)
                .jsonPath("$.page.totalItems").isEqualTo(3)
                .jsonPath("$.organisations.o7.name").isEqualTo("Jämtland Härjedalen Turism")
                .jsonPath("$.organisations.o0").doesNotExist()
                .jsonPath("$.degraded").isEmpty();
        assertThat(PROJECT.received()).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isEqualTo(token));
        assertThat(PARTNERSHIP.received()).hasSize(1);
    }

    private static void projectWithEverything() {
        PROJECT.answer("/api/projects/p1", 200, PROJECT_P1);
        PARTNERSHIP.answer("/api/organisations/o1", 200, O1).answer("/api/partnerships/s1", 200, S1);
        REPORTING.answer("/api/reports/projects/p1", 200, FIGURES);
    }
}
