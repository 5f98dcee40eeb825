package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import se.samverka.platform.test.TestTokens;

/** The reports page: the portfolio, coverage, funding, twin cities and the broker for one filter, and the year's exports. */
class ReportPagesTest extends GatewayTest {

    @Test
    void showsTheReportsOfTheFilterAndOffersTheYearsExports() {
        theReportsOf2025();
        REPORTING.answer("/api/reports/broker?year=2025", 200, """
                {"year":2025,"introductions":{
                  "total":{"proposed":5,"accepted":3,"declined":1,"pending":1,"outcomes":{},"projects":1},
                  "sectors":[{"sector":"PRIVATE","name":"Näringsliv","nameEn":"Business",
                    "figures":{"proposed":2,"accepted":2,"declined":0,"pending":0,"outcomes":{},"projects":1}}]}}""");

        String page = reportsOf2025();

        assertThat(page).contains("Årsrapport 2025", "href=\"/api/reports/annual/2025.pdf\"",
                "href=\"/api/reports/annual/2025.csv?table=funding\"", "Utan internationell dimension ännu",
                "Socialförvaltningen", "Erasmus+", "574\u00a0600,00", "Vänort Sanok", "Aktivt", "Polen, Sverige", "2025-10-01");
        assertThat(page).as("the broker's figures, of the year alone").contains("Internationell mäklare (S3)",
                "Mäklarens siffror gäller hela kommunen", "<th scope=\"row\">Näringsliv</th>");
        assertThat(page.replaceAll("\\s+", "")).as("the year's total")
                .contains("<thscope=\"row\">Totalt</th><td>5</td><td>3</td><td>1</td><td>1</td>");
    }

    @Test
    void theOtherReportsAreShownWhenTheBrokersFiguresCannotBe() {
        theReportsOf2025();
        REPORTING.answer("/api/reports/broker?year=2025", 500, "{}");

        assertThat(reportsOf2025()).contains("Vänort Sanok", "Mäklarens siffror kan inte visas just nu.");
    }

    @Test
    void offersTheExportsInEnglishOnTheEnglishPage() {
        theReportsOf2025();

        String page = http.get().uri("/reports?year=2025&strategy=S1&lang=en")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("href=\"/api/reports/annual/2025.pdf?lang=en\"",
                "href=\"/api/reports/annual/2025.xlsx?lang=en\"",
                "href=\"/api/reports/annual/2025.csv?table=projects&amp;lang=en\"",
                "href=\"/api/reports/annual/2025.csv?table=funding&amp;lang=en\"");
    }

    @Test
    void isNotForPartners() {
        REPORTING.answer("/api/reports/portfolio", 403, "{\"title\":\"Not allowed\",\"status\":403}");

        http.get().uri("/reports").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o9"))).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(page -> assertThat(page).contains("Inte för din roll"));
    }

    private static void theReportsOf2025() {
        REPORTING.answer("/api/reports/portfolio?year=2025&strategy=S1", 200,
                        "{\"projects\":{\"total\":7},\"partnerships\":{\"total\":3}}")
                .answer("/api/reports/coverage?projects=counted&year=2025&strategy=S1", 200, """
                        {"departments":[{"organisationId":"o0","name":"Kultur- och fritidsförvaltningen",
                          "openProjects":1,"ongoingProjects":1,"partnerships":[]},
                         {"organisationId":"o1","name":"Socialförvaltningen","openProjects":0,"ongoingProjects":0,
                          "partnerships":[]}],
                         "without":[{"organisationId":"o1","name":"Socialförvaltningen"}]}""")
                .answer("/api/reports/funding?year=2025&strategy=S1", 200, """
                        {"rows":[{"programme":"ERASMUS_PLUS","programmeName":"Erasmus+","year":2025,
                          "sek":{"applied":"574600.00","granted":"574600.00","paid":"0.00"}}],
                         "total":{"sek":{"applied":"574600.00","granted":"574600.00","paid":"0.00"}}}""")
                .answer("/api/reports/partnerships/twin-cities?year=2025&strategy=S1", 200, """
                        {"partnerships":[{"partnershipId":"s1","name":"Vänort Sanok","status":"ACTIVE",
                          "countries":["PL","SE"],"openProjects":2,"activities":3,"lastActivity":"2025-10-01T10:00:00Z"}]}""");
    }

    private String reportsOf2025() {
        return http.get().uri("/reports?year=2025&strategy=S1&country=")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
