package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/**
 * The public start page: the open projects, searchable, on a world map with the open partnerships, and the open
 * datasets, in Swedish unless the reader chose English, for anyone; built only of what anyone may read.
 */
class StartPageTest extends GatewayTest {

    private static final String OPEN_PROJECTS = "/api/projects?size=200";
    private static final String WINTER = """
            {"id":"p1","acronym":"WINTER","title":"Vinterstaden Östersund–Trondheim",
             "titleEn":"Winter city Östersund–Trondheim","summary":"Gemensamma vinterevenemang.","visibility":"PUBLIC",
             "status":"ONGOING","themes":["CLIMATE"],"owner":{"id":"o1","name":"Kultur- och fritidsförvaltningen"},
             "countries":["NO","SE"]}""";
    private static final String SCHOOLS = """
            {"id":"p2","title":"Skolutbyte med Kajaani","visibility":"PUBLIC","status":"IDEA","themes":["DIVERSITY"],
             "owner":{"id":"o2","name":"Barn- och utbildningsförvaltningen"},"countries":["FI","SE"]}""";
    /** What an anonymous caller is never given: here as if a service gave it all the same. */
    private static final String INTERNAL = """
            {"id":"p3","title":"Vintersport med Jilinprovinsen","visibility":"INTERNAL","status":"ONGOING",
             "themes":["CLIMATE"],"owner":{"id":"o1","name":"Kultur- och fritidsförvaltningen"},"countries":["CN","SE"]}""";

    @BeforeEach
    void thePublicRecords() {
        PROJECT.answer(OPEN_PROJECTS, 200, page(0, 2, WINTER, INTERNAL))
                .answer(OPEN_PROJECTS + "&page=1", 200, page(1, 2, SCHOOLS))
                .answer("/api/reference", 200, "{\"strategy\":{\"county\":{\"name\":\"Jämtlands län\",\"region\":\"SE-Z\"}}}");
        PARTNERSHIP.answer("/api/partnerships?size=200", 200, page(0, 1, """
                {"id":"s1","name":"Vänort Sanok","visibility":"PUBLIC","countries":["PL","SE"]}""", """
                {"id":"s2","name":"Utvecklingspartnerskap Selenge Aimag","visibility":"COUNTY","countries":["MN","SE"]}"""));
        REPORTING.answer("/api/open-data/datasets", 200, """
                {"datasets":[{"id":"projects","title":{"sv":"Projekt","en":"Projects"},
                  "description":{"sv":"De öppna projekten.","en":"The open projects."},
                  "licence":{"id":"CC0-1.0","name":"CC0 1.0","url":"https://creativecommons.org/publicdomain/zero/1.0/"}},
                 {"id":"funding","title":{"sv":"Finansiering","en":"Funding"},
                  "licence":{"id":"CC0-1.0","name":"CC0 1.0","url":"https://creativecommons.org/publicdomain/zero/1.0/"}}]}""");
    }

    @Test
    void listsTheOpenProjectsInSwedishForAnyone() {
        String page = page("/");

        assertThat(page).contains("<html lang=\"sv\">", "Vinterstaden Östersund–Trondheim", "(WINTER)", "Pågående",
                "Kultur- och fritidsförvaltningen", "NO, SE", "Skolutbyte med Kajaani", "2 öppna projekt",
                "Hoppa till innehållet",
                "<a href=\"/calls\">Utlysningar att söka pengar ur för internationellt samarbete</a>");
        assertThat(page).as("the broker's own pages are for those signed in")
                .doesNotContain("href=\"/interests\"", "href=\"/introductions\"", "href=\"/accounts\"");
    }

    @Test
    void drawsThePublicProjectsAndPartnershipsOnTheMapAskingEveryServiceAsAnyone() {
        String page = http.get().uri("/").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin())).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("<h2 id=\"world\">Öppna projekt och partnerskap i världen</h2>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"world-summary\"",
                "<figcaption id=\"world-summary\">Världskarta: 3 länder utanför Sverige med projekt eller partnerskap",
                "<caption>Projekt och partnerskap per land</caption>");
        assertThat(rows(page)).as("every PUBLIC project and partnership, of every page, the home country last")
                .containsExactly("Finland | 1 | 0", "Norge | 1 | 0", "Polen | 0 | 1",
                        "Sverige (kommunens eget land) | 2 | 1");
        assertThat(page).as("nothing INTERNAL or COUNTY, on the map or in the list")
                .doesNotContain("Kina", "Mongoliet", "Vintersport med Jilinprovinsen", "Selenge");
        assertThat(List.of(PROJECT, PARTNERSHIP, REPORTING)).flatExtracting(StubService::received)
                .extracting(StubService.Received::uri)
                .contains(OPEN_PROJECTS, OPEN_PROJECTS + "&page=1", "/api/partnerships?size=200", "/api/reference",
                        "/api/open-data/datasets");
        assertThat(List.of(PROJECT, PARTNERSHIP, REPORTING)).flatExtracting(StubService::received)
                .as("never with the signed-in reader's token").allSatisfy(request ->
                        assertThat(request.authorization()).isNull());
    }

    @Test
    void searchesAndFiltersThePublicProjectsInALinkableForm() {
        String page = page("/?q=vinter&theme=CLIMATE&status=ONGOING&country=NO");

        assertThat(page).contains("<form class=\"filters\" method=\"get\" action=\"/\" role=\"search\"",
                "<input id=\"q\" name=\"q\" type=\"search\" value=\"vinter\">",
                "<option value=\"CLIMATE\" selected=\"selected\">Klimat</option>",
                "<option value=\"NO\" selected=\"selected\">Norge</option>",
                "Ett av 2 öppna projekt matchar sökningen.", "Vinterstaden Östersund–Trondheim")
                .doesNotContain("Skolutbyte med Kajaani", "Vintersport med Jilinprovinsen")
                .as("the statuses the open projects are in, and the countries they reach, to choose from")
                .contains("<option value=\"IDEA\">Idé</option>", "<option value=\"FI\">Finland</option>")
                .doesNotContain("<option value=\"CLOSED\"", "<option value=\"CN\"");
        assertThat(rows(page)).as("the map shows all that is open, whatever the search")
                .contains("Finland | 1 | 0");

        assertThat(page("/?theme=DEMOCRACY")).contains("Inget av 2 öppna projekt matchar sökningen.", "Visa alla")
                .doesNotContain("class=\"card\"");
    }

    @Test
    void linksTheOpenDatasetsAndTheCatalogueWithTheirLicence() {
        String page = page("/");

        assertThat(page).contains("<h2 id=\"open-data\">Öppna data</h2>", "Projekt", "De öppna projekten.",
                "<a id=\"dataset-projects-csv\" href=\"/api/open-data/datasets/projects.csv\">CSV",
                "<a id=\"dataset-projects-json\" href=\"/api/open-data/datasets/projects.json\">JSON",
                "<a id=\"dataset-funding-csv\" href=\"/api/open-data/datasets/funding.csv\">CSV",
                "<a href=\"https://creativecommons.org/publicdomain/zero/1.0/\">CC0 1.0</a>",
                "<a id=\"catalog-ttl\" href=\"/api/open-data/catalog.ttl\">Turtle</a>",
                "<a id=\"catalog-jsonld\" href=\"/api/open-data/catalog.jsonld\">JSON-LD</a>",
                "<a id=\"catalog-rdf\" href=\"/api/open-data/catalog.rdf\">RDF/XML</a>");
        assertThat(page("/?lang=en")).contains("<h2 id=\"open-data\">Open data</h2>", "Projects", "The open projects.",
                "Funding");
    }

    @Test
    void opensWithANoteWhenTheDatasetsOrThePartnershipsCannotBeRead() {
        REPORTING.answer("/api/open-data/datasets", 500, "{\"status\":500}");
        PARTNERSHIP.answer("/api/partnerships?size=200", 500, "{\"status\":500}");

        String page = page("/");

        assertThat(page).contains("Datamängderna kan inte visas just nu", "Kartan kan inte visas just nu",
                "Vinterstaden Östersund–Trondheim").doesNotContain("dataset-projects-csv");
    }

    @Test
    void speaksEnglishWhenChosenAndKeepsTheChoice() {
        var chosen = http.get().uri("/?lang=en").exchange().expectStatus().isOk()
                .expectHeader().values(HttpHeaders.SET_COOKIE, cookies -> assertThat(cookies)
                        .anySatisfy(cookie -> assertThat(cookie).startsWith("samverka-lang=en")))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(chosen).contains("<html lang=\"en\">", "Winter city Östersund–Trondheim", "Ongoing", "2 open projects",
                "Open projects and partnerships in the world", "På svenska");

        String kept = http.get().uri("/").cookie("samverka-lang", "en").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(kept).contains("<html lang=\"en\">");
    }

    @Test
    void saysSoInWordsWhenTheProjectsCannotBeShown() {
        PROJECT.answer(OPEN_PROJECTS, 500, "{\"status\":500}");

        String page = http.get().uri("/").exchange().expectStatus().isEqualTo(503)
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Projekten kan inte visas just nu", "dataset-projects-csv");
    }

    @Test
    void servesItsStylesheet() {
        http.get().uri("/css/portal.css").exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/css");
    }

    private static String page(int number, int pages, String... items) {
        return "{\"items\":[" + String.join(",", items) + "],\"page\":" + number + ",\"size\":200,\"totalItems\":"
                + items.length + ",\"totalPages\":" + pages + "}";
    }

    private String page(String uri) {
        return http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The map's table: each country's name, projects and partnerships. */
    private static List<String> rows(String page) {
        String table = page.substring(page.indexOf("<div class=\"map-figures\">"));
        return Pattern.compile("<tr>\\s*<th scope=\"row\">([^<]*)</th>\\s*<td>(?:<a [^>]*><span aria-hidden=\"true\">)?"
                        + "(\\d+)(?:</span>.*?</a>)?</td>\\s*<td>(\\d+)</td>", Pattern.DOTALL)
                .matcher(table.substring(0, table.indexOf("</table>"))).results()
                .map(found -> found.group(1) + " | " + found.group(2) + " | " + found.group(3)).toList();
    }
}
