package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/** The staff dashboard page: the portfolio's figures, the reader's own projects and the latest activity. */
class DashboardPageTest extends GatewayTest {

    private static final String PORTFOLIO = """
            {"projects":{"total":4,"by":{
               "status":[{"key":"ONGOING","name":null,"count":3},{"key":"IDEA","name":null,"count":1}],
               "strategy":[{"key":"S1","name":"Attraktiv plats","count":2}],
               "growthArea":[{"key":"NONE","name":null,"count":4}],
               "owner":[{"key":"o0","name":"Kultur- och fritidsförvaltningen","count":4}]}},
             "partnerships":{"total":2,"by":{}}}""";
    private static final String MINE = """
            {"items":[{"id":"p1","title":"Ungdomsutbyte med Sanok","status":"IDEA","countries":[]}],"totalItems":1}""";
    private static final String ACTIVITY = """
            {"lines":[{"time":"2026-11-28T13:05:00Z","text":"Projektet Ungdomsutbyte registrerades",
                       "textEn":"The project Youth exchange was registered"}]}""";

    @Test
    void showsTheFiguresTheReadersProjectsAndTheLatestActivity() {
        REPORTING.answer("/api/reports/portfolio", 200, PORTFOLIO).answer("/api/reports/activity?limit=10", 200, ACTIVITY)
                .answer("/api/reports/coverage", 200, "{\"without\":[{\"organisationId\":\"o5\",\"name\":\"Socialförvaltningen\"}]}");
        PROJECT.answer("/api/projects?owner=o0", 200, MINE);

        String page = page(TestTokens.token().role("STAFF").organisation("o0").name("Erik Eriksson").build());
        assertThat(page).contains("Utan internationell dimension ännu", "Socialförvaltningen");

        assertThat(page).contains("Översikt över det internationella arbetet", "Erik Eriksson", "Logga ut",
                "Projekt per status", "Pågående", "Attraktiv plats", "Inget angivet", "Kultur- och fritidsförvaltningen",
                "Ungdomsutbyte med Sanok", "2026-11-28 14:05", "Projektet Ungdomsutbyte registrerades");
        assertThat(page).doesNotContain("En del av översikten kan inte visas");
    }

    @Test
    void saysWhichPartIsMissingWhenAServiceFails() {
        REPORTING.answer("/api/reports/portfolio", 200, PORTFOLIO).answer("/api/reports/activity?limit=10", 500, "{}");
        PROJECT.answer("/api/projects?owner=o0", 200, MINE);

        assertThat(page(TestTokens.staff("o0"))).contains("En del av översikten kan inte visas just nu",
                "Ungdomsutbyte med Sanok");
    }

    @Test
    void aBrowserWithoutLoginIsSentToTheLogin() {
        http.get().uri("/dashboard").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/login");
    }

    @Test
    void isNotForPartners() {
        http.get().uri("/dashboard").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.partner("o9"))).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(page -> assertThat(page).contains("Inte för din roll"));
    }

    private String page(String token) {
        return http.get().uri("/dashboard").header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
