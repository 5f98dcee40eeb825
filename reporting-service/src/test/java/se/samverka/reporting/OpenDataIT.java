package se.samverka.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import se.samverka.platform.test.Api;
import se.samverka.reporting.opendata.Rdf;
import se.samverka.reporting.readmodel.CallEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.ReadModels;
import tools.jackson.databind.JsonNode;

/**
 * The open data on real infrastructure, read by someone who has not logged in: of what the events tell, only what is
 * PUBLIC, no company (it might be a sole trader, a person) and no internal funding line; and the catalogue the
 * national data portal harvests. Other tests publish to the same topics, so this one looks at its own things.
 */
class OpenDataIT extends ReportingIntegrationTest {

    private static final String CC0 = "<http://creativecommons.org/publicdomain/zero/1.0/>; rel=\"license\"";

    private final ReadModels models;

    @Autowired
    OpenDataIT(ReadModels models) {
        this.models = models;
    }

    @Test
    void anyoneDownloadsWhatIsPublicAndNothingElse() {
        String department = history.organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE", "SE-Z");
        String company = history.organisation("Fjällföretaget AB", "COMPANY", "SE", "SE-Z");
        String kajaani = history.organisation("Kajaanin kaupunki", "FOREIGN_CITY", "FI", null);
        String twin = history.partnership("Vänort Kajaani", "TWIN_CITY", "ACTIVE", department, "PUBLIC", department,
                kajaani);
        String internal = history.partnership("Internt nätverk", "NETWORK_MEMBERSHIP", "EXPLORING", department,
                "INTERNAL", department, kajaani);
        String open = history.project("Vinterstaden", department, "PUBLIC", List.of(twin, internal));
        history.partner(open, company, "PARTNER");
        history.partner(open, kajaani, "PARTNER");
        // A programme of this test's own, so that the funding's rows of it are this test's alone.
        String programme = "OPEN_DATA_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        history.fundingLine(open, programme, History.money("1000.50", "EUR"), false);
        history.fundingLine(open, programme, History.sek("5000.00"), true);
        String county = history.project("Länsprojektet", department, "COUNTY", List.of(twin));
        history.fundingLine(county, programme, History.money("99.00", "NOK"), false);
        String call = history.call(programme, "Utlysning för alla");
        String countyCall = history.call(programme, "Länets utlysning", "COUNTY");
        String withdrawn = history.call(programme, "Felregistrerad");
        history.callWithdrawn(withdrawn);
        await().atMost(WAIT).until(() -> applied(set -> set.projects().find(open)
                .filter(project -> project.partners().size() == 2 && project.funding().size() == 2).isPresent()
                && set.projects().find(county).filter(project -> project.funding().size() == 1).isPresent()
                && set.partnerships().find(internal).isPresent() && set.organisations().find(company).isPresent()
                && set.calls().find(call).isPresent() && set.calls().find(countyCall).isPresent()
                && set.calls().find(withdrawn).filter(CallEntry::withdrawn).isPresent()));
        Api anyone = api.anonymous();

        JsonNode project = item(anyone, "projects", "project_id", open).orElseThrow();
        assertThat(strings(project.path("partner_organisation_ids"))).containsExactly(kajaani);
        assertThat(strings(project.path("countries"))).containsExactly("FI", "SE");
        assertThat(strings(project.path("partnership_ids"))).containsExactly(twin);
        assertThat(project.path("owner_organisation_name").asString()).isEqualTo("Kultur- och fritidsförvaltningen");
        assertThat(item(anyone, "projects", "project_id", county)).isEmpty();
        assertThat(item(anyone, "partnerships", "partnership_id", twin)).isPresent();
        assertThat(item(anyone, "partnerships", "partnership_id", internal)).isEmpty();
        assertThat(item(anyone, "organisations", "organisation_id", kajaani)).isPresent();
        assertThat(item(anyone, "organisations", "organisation_id", company)).isEmpty();
        assertThat(items(anyone, "funding").stream()
                .filter(row -> row.path("programme").asString().equals(programme))
                .map(row -> row.path("currency").asString() + " " + row.path("funding_lines").asInt() + " "
                        + row.path("applied").asString()))
                .as("only the public project's line that is not internal").containsExactly("EUR 1 1000.50");
        assertThat(item(anyone, "calls", "call_id", call)).isPresent();
        assertThat(item(anyone, "calls", "call_id", countyCall)).isEmpty();
        assertThat(item(anyone, "calls", "call_id", withdrawn)).isEmpty();

        EntityExchangeResult<byte[]> csv = download(anyone, "/api/open-data/datasets/projects.csv");
        String text = new String(csv.getResponseBody(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("project_id,acronym,title,title_en,registration_number,status,status_sv,")
                .contains(open).doesNotContain(county).doesNotContain(company);
        assertThat(csv.getResponseHeaders().getContentType())
                .isEqualTo(MediaType.parseMediaType("text/csv;charset=UTF-8;header=present"));
        assertThat(csv.getResponseHeaders().getFirst(HttpHeaders.LINK)).isEqualTo(CC0);
    }

    @Test
    void harvestersFindTheDatasetsInTheCatalogueAndAskAgainCheaply() {
        Api anyone = api.anonymous();
        JsonNode listing = anyone.get("/api/open-data/datasets").body();
        List<String> ids = new ArrayList<>();
        listing.path("datasets").forEach(dataset -> ids.add(dataset.path("id").asString()));
        assertThat(ids).containsExactly("projects", "partnerships", "organisations", "funding", "calls");
        JsonNode projects = listing.path("datasets").get(0);
        assertThat(projects.path("licence").path("uri").asString())
                .isEqualTo("http://creativecommons.org/publicdomain/zero/1.0/");
        assertThat(projects.path("distributions").findValuesAsString("url")).containsExactly(
                "http://localhost:8080/api/open-data/datasets/projects.csv",
                "http://localhost:8080/api/open-data/datasets/projects.json");
        assertThat(projects.path("columns").get(0).path("name").asString()).isEqualTo("project_id");

        String etag = download(anyone, "/api/open-data/datasets/organisations.json").getResponseHeaders().getETag();
        anyone.http().get().uri("/api/open-data/datasets/organisations.json").header(HttpHeaders.IF_NONE_MATCH, etag)
                .exchange().expectStatus().isNotModified().expectBody().isEmpty();

        byte[] turtle = anyone.http().get().uri("/api/open-data/catalog").accept(MediaType.valueOf("text/turtle"))
                .exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("text/turtle"))
                .expectHeader().valueEquals(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                .expectHeader().valueEquals(HttpHeaders.LINK, CC0)
                .returnResult(byte[].class).getResponseBody();
        Model catalogue = Rdf.parse(turtle, Lang.TURTLE);
        assertThat(Rdf.violations(catalogue)).isEmpty();
        assertThat(Rdf.parse(download(anyone, "/api/open-data/catalog.jsonld").getResponseBody(), Lang.JSONLD)
                .isIsomorphicWith(catalogue)).as("the JSON-LD holds the Turtle's graph").isTrue();
        assertThat(Rdf.parse(download(anyone, "/api/open-data/catalog.rdf").getResponseBody(), Lang.RDFXML)
                .isIsomorphicWith(catalogue)).as("the RDF/XML holds the Turtle's graph").isTrue();
        anyone.http().get().uri("/api/open-data/catalog").accept(MediaType.valueOf("application/ld+json")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("application/ld+json"));
        anyone.http().get().uri("/api/open-data/catalog").accept(MediaType.APPLICATION_PDF).exchange()
                .expectStatus().isEqualTo(406);
        anyone.http().get().uri("/api/open-data/datasets/persons.csv").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private boolean applied(java.util.function.Predicate<ReadModelSet> condition) {
        return models.current().reading(condition::test).orElse(false);
    }

    private static EntityExchangeResult<byte[]> download(Api caller, String uri) {
        return caller.http().get().uri(uri).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult();
    }

    private static List<JsonNode> items(Api caller, String dataset) {
        List<JsonNode> items = new ArrayList<>();
        caller.get("/api/open-data/datasets/{dataset}.json", dataset).body().path("items").forEach(items::add);
        return items;
    }

    private static Optional<JsonNode> item(Api caller, String dataset, String idColumn, String id) {
        return items(caller, dataset).stream().filter(item -> item.path(idColumn).asString().equals(id)).findFirst();
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(value -> strings.add(value.asString()));
        return strings;
    }
}
