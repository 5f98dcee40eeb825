package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
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
               "owner":[{"key":"o0","name":"Kultur- och fritidsförvaltningen","count":4}],
               "country":[{"key":"SE","name":"Sverige","count":4},{"key":"NO","name":"Norge","count":3},
                          {"key":"DE","name":"Tyskland","count":1},{"key":"MT","name":"Malta","count":1},
                          {"key":"NONE","name":null,"count":1}]}},
             "partnerships":{"total":2,"by":{
               "country":[{"key":"SE","name":"Sverige","count":2},{"key":"NO","name":"Norge","count":2},
                          {"key":"MN","name":"Mongoliet","count":1}]}},
             "homeCountry":"SE"}""";
    private static final String MINE = """
            {"items":[{"id":"p1","title":"Ungdomsutbyte med Sanok","status":"IDEA","countries":[]}],"totalItems":1}""";
    private static final String ACTIVITY = """
            {"lines":[{"time":"2026-11-28T13:05:00Z","text":"Projektet Ungdomsutbyte registrerades",
                       "textEn":"The project Youth exchange was registered"}]}""";

    private static final String CLOSING = """
            {"items":[{"id":"c1","name":"Småprojekt 2027","nameEn":"Small projects 2027","programme":"INTERREG_AURORA",
                       "deadline":"2027-02-15","status":"OPEN","daysLeft":12}],"totalItems":1}""";
    private static final String DUE = """
            [{"partnershipId":"s1","name":"Vänort Sanok","nameEn":"Twin city Sanok","status":"ACTIVE","due":"EXPIRY",
              "dueOn":"2027-01-31","daysLeft":45},
             {"partnershipId":"s2","name":"Vänort Kajaani","status":"UNDER_REVIEW","due":"RENEWAL",
              "dueOn":"2026-11-30","daysLeft":-3}]""";

    @Test
    void showsTheFiguresTheReadersProjectsAndTheLatestActivity() {
        REPORTING.answer("/api/reports/portfolio", 200, PORTFOLIO).answer("/api/reports/activity?limit=10", 200, ACTIVITY)
                .answer("/api/reports/coverage?projects=counted", 200, "{\"without\":[{\"organisationId\":\"o5\",\"name\":\"Socialförvaltningen\"}]}");
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
    void showsTheCallsClosingAndTheAgreementsComingDue() {
        REPORTING.answer("/api/reports/portfolio", 200, PORTFOLIO);
        PARTNERSHIP.answer("/api/calls?closingWithinDays=30", 200, CLOSING)
                .answer("/api/partnerships/agreements/due?withinDays=90", 200, DUE);

        assertThat(page(TestTokens.staff("o0"))).contains("<h2 id=\"coming-up\">Kommande</h2>",
                "Utlysningar som stänger inom 30 dagar", "href=\"/calls/c1\"", "Småprojekt 2027", "2027-02-15",
                "12 dagar kvar", "href=\"/partnerships/s1\"", "Vänort Sanok",
                "Avtalet löper ut 2027-01-31 – om 45 dagar", "Avtalet ska förnyas senast 2026-11-30 – för 3 dagar sedan");
        assertThat(page("/dashboard?lang=en", TestTokens.staff("o0"))).contains("Coming up", "Small projects 2027",
                "12 days left", "Twin city Sanok", "The agreement expires on 2027-01-31 – in 45 days");
    }

    @Test
    void eachPartOfWhatComesDueStandsWhenTheOtherCannotBeRead() {
        REPORTING.answer("/api/reports/portfolio", 200, PORTFOLIO);
        PARTNERSHIP.answer("/api/calls?closingWithinDays=30", 500, "{}")
                .answer("/api/partnerships/agreements/due?withinDays=90", 200, DUE);
        assertThat(page(TestTokens.staff("o0"))).contains("Utlysningarna kan inte visas just nu.",
                        "Avtalet löper ut 2027-01-31")
                .doesNotContain("Avtalen kan inte visas just nu.", "Ingen utlysning stänger");

        PARTNERSHIP.answer("/api/calls?closingWithinDays=30", 200, "{\"items\":[],\"totalItems\":0}")
                .answer("/api/partnerships/agreements/due?withinDays=90", 403, "{\"status\":403}");
        assertThat(page(TestTokens.staff("o0"))).contains("Ingen utlysning stänger inom 30 dagar.",
                "Avtalen kan inte visas just nu.", "Projekt per status");
    }

    @Test
    void mapsTheCountriesOfTheProjectsAndPartnershipsWithATableOfTheSameFigures() {
        REPORTING.answer("/api/reports/portfolio", 200, PORTFOLIO);

        String page = page(TestTokens.staff("o0"));
        assertThat(page).contains(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"world-summary\"",
                "viewBox=\"0 0 1010 666\"",
                "<figcaption id=\"world-summary\">Världskarta: 4 länder utanför Sverige med projekt eller "
                        + "partnerskap;");
        assertThat(area(page, "shade-b3")).as("3 projects and 2 partnerships: 4–7")
                .containsExactly("Norge: 3 projekt, 2 partnerskap");
        assertThat(area(page, "shade-b1")).containsExactlyInAnyOrder("Tyskland: 1 projekt, 0 partnerskap",
                "Malta: 1 projekt, 0 partnerskap", "Mongoliet: 0 projekt, 1 partnerskap");
        assertThat(area(page, "shade-b1 spot")).as("too small for an outline, marked with a spot")
                .containsExactly("Malta: 1 projekt, 0 partnerskap");
        assertThat(area(page, "shade-home"))
                .containsExactly("Sverige (kommunens eget land): 4 projekt, 2 partnerskap");
        assertThat(count(page, "<path class=\"shade-none\" d=\"m")).as("every other country, without a title")
                .isGreaterThan(150);

        assertThat(rows(page)).containsExactly("Norge", "Malta", "Tyskland", "Mongoliet",
                "Sverige (kommunens eget land)");
        assertThat(page).contains("<caption>Projekt och partnerskap per land</caption>",
                        "<a href=\"/projects?country=NO\"><span aria-hidden=\"true\">3</span>"
                                + "<span class=\"visually-hidden\">3 projekt i Norge</span></a>",
                        "<td>0</td>", "8 eller fler", "CC BY 4.0")
                .as("nothing to list in Mongolia").doesNotContain("/projects?country=MN");
    }

    @Test
    void namesTheCountriesInTheReadersLanguage() {
        REPORTING.answer("/api/reports/portfolio", 200, PORTFOLIO);

        String page = page("/dashboard?lang=en", TestTokens.staff("o0"));
        assertThat(area(page, "shade-b3")).containsExactly("Norway: 3 projects, 2 partnerships");
        assertThat(area(page, "shade-b1")).containsExactlyInAnyOrder("Germany: 1 project, no partnerships",
                "Malta: 1 project, no partnerships", "Mongolia: no projects, 1 partnership");
        assertThat(rows(page)).as("in English alphabetical order where the figures are equal")
                .containsExactly("Norway", "Germany", "Malta", "Mongolia",
                        "Sweden (the municipality&#39;s own country)");
        assertThat(page).contains("World map: 4 countries outside Sweden with projects or partnerships",
                "<caption>Projects and partnerships by country</caption>", "3 projects in Norway", "8 or more");
    }

    @Test
    void theRestOfTheDashboardStandsWhenThePortfolioCannotBeRead() {
        REPORTING.answer("/api/reports/portfolio", 500, "{}").answer("/api/reports/activity?limit=10", 200, ACTIVITY);
        PROJECT.answer("/api/projects?owner=o0", 200, MINE);

        String page = page(TestTokens.staff("o0"));
        assertThat(page).contains("Kartan kan inte visas just nu.", "Ungdomsutbyte med Sanok",
                "Projektet Ungdomsutbyte registrerades").doesNotContain("role=\"img\"");
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

    /** The titles of the map's countries shaded so, outlines and spots. */
    private static List<String> area(String page, String shade) {
        return Pattern.compile("<path class=\"" + shade + "( spot)?\" d=\"[^\"]+\"><title>([^<]+)</title></path>")
                .matcher(page).results().map(found -> found.group(2)).toList();
    }

    /** The countries of the map's table, in its order. */
    private static List<String> rows(String page) {
        String table = page.substring(page.indexOf("<div class=\"map-figures\">"));
        return Pattern.compile("<th scope=\"row\">([^<]+)</th>").matcher(table.substring(0, table.indexOf("</table>")))
                .results().map(found -> found.group(1)).toList();
    }

    private static long count(String page, String text) {
        return Pattern.compile(Pattern.quote(text)).matcher(page).results().count();
    }

    private String page(String token) {
        return page("/dashboard", token);
    }

    private String page(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
