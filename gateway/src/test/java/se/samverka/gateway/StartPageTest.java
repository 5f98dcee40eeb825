package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/** The public start page: the open projects, in Swedish unless the reader chose English, for anyone. */
class StartPageTest extends GatewayTest {

    private static final String OPEN_PROJECTS = """
            {"items":[{"id":"p1","acronym":"WINTER","title":"Vinterstaden Östersund–Trondheim",
              "titleEn":"Winter city Östersund–Trondheim","summary":"Gemensamma vinterevenemang.",
              "status":"ONGOING","owner":{"id":"o1","name":"Kultur- och fritidsförvaltningen"},
              "countries":["NO","SE"]}],
             "page":0,"size":50,"totalItems":1,"totalPages":1}""";

    @Test
    void listsTheOpenProjectsInSwedishForAnyone() {
        PROJECT.answer("/api/projects?size=50", 200, OPEN_PROJECTS);

        String page = page("/");

        assertThat(page).contains("<html lang=\"sv\">", "Vinterstaden Östersund–Trondheim", "(WINTER)", "Pågående",
                "Kultur- och fritidsförvaltningen", "NO, SE", "1 öppet projekt", "Hoppa till innehållet",
                "<a href=\"/calls\">Utlysningar att söka pengar ur för internationellt samarbete</a>");
        assertThat(page).as("the broker's own pages are for those signed in")
                .doesNotContain("href=\"/interests\"", "href=\"/introductions\"");
        assertThat(PROJECT.received("/api/projects?size=50")).singleElement()
                .satisfies(request -> assertThat(request.authorization()).as("asked as anyone").isNull());
    }

    @Test
    void asksAsAnonymousEvenWhenSignedInSoItShowsOnlyOpenData() {
        PROJECT.answer("/api/projects?size=50", 200, OPEN_PROJECTS);

        http.get().uri("/").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin())).exchange()
                .expectStatus().isOk();

        assertThat(PROJECT.received("/api/projects?size=50").get(0).authorization()).isNull();
    }

    @Test
    void speaksEnglishWhenChosenAndKeepsTheChoice() {
        PROJECT.answer("/api/projects?size=50", 200, OPEN_PROJECTS);

        var chosen = http.get().uri("/?lang=en").exchange().expectStatus().isOk()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies)
                        .anySatisfy(cookie -> assertThat(cookie).startsWith("samverka-lang=en")))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(chosen).contains("<html lang=\"en\">", "Winter city Östersund–Trondheim", "Ongoing", "1 open project",
                "På svenska");

        String kept = http.get().uri("/").cookie("samverka-lang", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(kept).contains("<html lang=\"en\">");
    }

    @Test
    void saysSoInWordsWhenTheProjectsCannotBeShown() {
        PROJECT.answer("/api/projects?size=50", 500, "{\"status\":500}");

        String page = http.get().uri("/").exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Projekten kan inte visas just nu");
    }

    @Test
    void servesItsStylesheet() {
        http.get().uri("/css/portal.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    private String page(String uri) {
        return http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
