package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static se.samverka.partnership.TestData.organisation;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ProblemBundles;
import se.samverka.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;

class OrganisationDirectoryIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    @Autowired
    MongoOperations mongo;

    @Test
    void registersAnOrganisationWithItsWholeDescriptionAndAnnouncesIt() {
        String municipality = organisation(api, "Östersunds kommun", "MUNICIPALITY", "SE", "organisationNumber", "212000-2411");
        Api.Resource created = api.created("/api/organisations", organisation("Kultur- och fritidsförvaltningen",
                "DEPARTMENT", "SE", "nameEn", "Culture and Leisure Department", "region", "SE-Z", "nutsCode", "SE322",
                "website", "https://www.ostersund.se", "parentOrganisationId", municipality));

        assertThat(created.etag()).isEqualTo("\"1\"");
        JsonNode organisation = api.get("/api/organisations/{id}", created.id()).body();
        assertThat(organisation.path("sector").asString()).isEqualTo("PUBLIC");
        assertThat(organisation.path("region").asString()).isEqualTo("SE-Z");
        assertThat(organisation.path("parentOrganisationId").asString()).isEqualTo(municipality);
        assertThat(organisation.path("active").asBoolean()).isTrue();

        EventEnvelope event = awaitEvents(PartnershipContracts.ORGANISATIONS, created.id(), 1).get(0);
        assertThat(event.type()).isEqualTo("se.samverka.organisation.registered");
        assertThat(event.data()).contains("\"nameEn\":\"Culture and Leisure Department\"", "\"region\":\"SE-Z\"",
                "\"nutsCode\":\"SE322\"", "\"sector\":\"PUBLIC\"", "\"parentOrganisationId\":\"" + municipality + "\"");
        assertThat(awaitEvents(PartnershipContracts.ORGANISATIONS, municipality, 1).get(0).data())
                .as("an organisation number may be a personal identity number").doesNotContain("212000-2411");
    }

    @Test
    void theSectorFollowsTheTypeWhereTheTypeDecidesIt() {
        assertThat(api.get("/api/organisations/{id}", organisation(api, "Jämtkraft AB", "COMPANY", "SE")).body()
                .path("sector").asString()).isEqualTo("PRIVATE");
        assertThat(api.get("/api/organisations/{id}", organisation(api, "Mittnordenkommittén", "NETWORK", "SE",
                "sector", "PUBLIC")).body().path("sector").asString()).isEqualTo("PUBLIC");

        api.expectProblem("/api/organisations", organisation("Nätverket", "NETWORK", "SE"), UNPROCESSABLE, "sector");
        api.expectProblem("/api/organisations", organisation("Ett bolag", "COMPANY", "SE", "sector", "PUBLIC"),
                UNPROCESSABLE, "sector");
    }

    @Test
    void codesAreCheckedAndNothingIsWrittenWhenOneIsWrong() {
        long before = mongo.getCollection("organisations").countDocuments();

        api.expectProblem("/api/organisations", organisation("Nowhere", "FOREIGN_CITY", "XX"), UNPROCESSABLE, "country");
        api.expectProblem("/api/organisations", organisation("Selenge", "FOREIGN_REGION", "MN", "region", "MN-999"),
                UNPROCESSABLE, "region");
        api.expectProblem("/api/organisations", organisation("Trondheim", "FOREIGN_CITY", "NO", "region", "SE-Z"),
                UNPROCESSABLE, "region");
        api.expectProblem("/api/organisations", organisation("Region", "REGION", "SE", "region", "se-z"),
                UNPROCESSABLE, "region");
        api.expectProblem("/api/organisations", organisation("Kajaani", "FOREIGN_CITY", "FI", "nutsCode", "SE322"),
                UNPROCESSABLE, "nutsCode");
        api.expectProblem("/api/organisations", organisation("Bolaget", "COMPANY", "SE", "organisationNumber",
                "556000-0000"), UNPROCESSABLE, "organisationNumber");
        api.expectProblem("/api/organisations", organisation("Webb", "COMPANY", "SE", "website", "ftp://example.org"),
                UNPROCESSABLE, "website");

        assertThat(mongo.getCollection("organisations").countDocuments()).isEqualTo(before);
        organisation(api, "Jilin Provincial People's Government", "FOREIGN_REGION", "CN", "region", "CN-JL");
        organisation(api, "Odense Kommune", "FOREIGN_CITY", "DK", "region", "DK-83", "nutsCode", "DK031");
        organisation(api, "Ceará", "FOREIGN_REGION", "BR", "region", "BR-CE");
    }

    @Test
    void anOrganisationNumberIsRegisteredOnlyOnce() {
        organisation(api, "Mittuniversitetet", "UNIVERSITY", "SE", "organisationNumber", "202100-2932");

        api.expectProblem("/api/organisations", organisation("Mittuniversitetet igen", "UNIVERSITY", "SE",
                "organisationNumber", "202100-2932"), UNPROCESSABLE, "organisationNumber");
    }

    @Test
    void aParentMustExistAndMustNotMakeACycle() {
        api.expectProblem("/api/organisations", organisation("Förvaltning", "DEPARTMENT", "SE",
                "parentOrganisationId", "no-such-organisation"), UNPROCESSABLE, "parentOrganisationId");

        String municipality = organisation(api, "Krokoms kommun", "MUNICIPALITY", "SE");
        String department = organisation(api, "Socialförvaltningen", "DEPARTMENT", "SE", "parentOrganisationId", municipality);
        Api.Resource read = api.get("/api/organisations/{id}", municipality);

        JsonNode problem = api.refused(HttpMethod.PUT, "/api/organisations/" + municipality, read.etag(),
                organisation("Krokoms kommun", "MUNICIPALITY", "SE", "parentOrganisationId", department), UNPROCESSABLE);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("parentOrganisationId");
        assertThat(problem.path("errors").get(0).path("reason").asString()).contains("cycle");
    }

    @Test
    void anUpdateNeedsTheVersionItChangesAndIsAnnounced() {
        String id = organisation(api, "Vasa stad", "FOREIGN_CITY", "FI");
        Api.Resource read = api.get("/api/organisations/{id}", id);
        Map<String, Object> renamed = organisation("Vaasan kaupunki", "FOREIGN_CITY", "FI", "nameEn", "City of Vaasa",
                "region", "FI-12");

        api.refused(HttpMethod.PUT, "/api/organisations/" + id, null, renamed, HttpStatus.PRECONDITION_REQUIRED);
        Api.Resource updated = api.change(HttpMethod.PUT, "/api/organisations/" + id, read.etag(), renamed);
        api.refused(HttpMethod.PUT, "/api/organisations/" + id, read.etag(), renamed, HttpStatus.PRECONDITION_FAILED);

        assertThat(updated.etag()).isEqualTo("\"2\"");
        assertThat(updated.body().path("name").asString()).isEqualTo("Vaasan kaupunki");
        assertThat(updated.body().path("active").asBoolean()).as("left out: unchanged").isTrue();
        List<EventEnvelope> events = awaitEvents(PartnershipContracts.ORGANISATIONS, id, 2);
        assertThat(events.get(1).type()).isEqualTo("se.samverka.organisation.updated");
        assertThat(events.get(1).sequence()).isEqualTo(2);
        assertThat(events.get(1).data()).contains("\"name\":\"Vaasan kaupunki\"", "\"active\":true");

        Api.Resource deactivated = api.change(HttpMethod.PUT, "/api/organisations/" + id, updated.etag(),
                organisation("Vaasan kaupunki", "FOREIGN_CITY", "FI", "active", false));
        assertThat(deactivated.body().path("active").asBoolean()).isFalse();
    }

    @Test
    void listsFilterPageAndSort() {
        String tag = "Listtest" + System.nanoTime();
        organisation(api, tag + " Alfa", "FOREIGN_CITY", "PL");
        organisation(api, tag + " Beta", "FOREIGN_CITY", "PL");
        organisation(api, tag + " Gamma", "FOREIGN_CITY", "DK");

        JsonNode page = api.get("/api/organisations?q={q}&country=PL&size=1&sort=-name", tag.toLowerCase()).body();

        assertThat(page.path("totalItems").asInt()).isEqualTo(2);
        assertThat(page.path("totalPages").asInt()).isEqualTo(2);
        assertThat(page.path("items").get(0).path("name").asString()).isEqualTo(tag + " Beta");
        assertThat(api.get("/api/organisations?q={q}&type=FOREIGN_CITY", tag).body().path("totalItems").asInt()).isEqualTo(3);
        assertThat(api.get("/api/organisations?q={q}&type=COMPANY", tag).body().path("totalItems").asInt()).isZero();

        JsonNode problem = api.refused(HttpMethod.GET, "/api/organisations?size=500&sort=secret", null, null, UNPROCESSABLE);
        assertThat(problem.path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("size", "sort");
    }

    @Test
    void anUnknownIdIs404AndABadBodyIsAProblem() {
        api.refused(HttpMethod.GET, "/api/organisations/does-not-exist", null, null, HttpStatus.NOT_FOUND);
        api.expectProblem("/api/organisations", "{\"name\": \"Broken", HttpStatus.BAD_REQUEST, null);
        api.expectProblem("/api/organisations", organisation("Sneaky", "COMPANY", "SE", "version", 7), UNPROCESSABLE,
                "version");
    }

    @Test
    void aCallerWhoAsksForSwedishReadsWhyInSwedishAndOthersInEnglish() {
        Api swedish = api.inLanguage("sv-SE,sv;q=0.9,en;q=0.8");
        Map<String, Object> invalid = organisation(" ", "FOREIGN_CITY", "se");
        JsonNode validated = swedish.refused(HttpMethod.POST, "/api/organisations", null, invalid, UNPROCESSABLE);
        assertThat(validated.path("title").asString()).isEqualTo("Uppgifterna godtogs inte");
        assertThat(reasons(validated)).containsEntry("name", "får inte vara tomt")
                .containsEntry("country", "måste vara en landskod enligt ISO 3166-1 alfa-2, till exempel SE");
        assertThat(reasons(api.refused(HttpMethod.POST, "/api/organisations", null, invalid, UNPROCESSABLE)))
                .containsEntry("name", "must not be blank")
                .containsEntry("country", "must be an ISO 3166-1 alpha-2 code such as SE");

        Map<String, Object> checked = organisation("Ett bolag", "COMPANY", "XX", "sector", "PUBLIC", "nutsCode", "SE322");
        assertThat(reasons(swedish.refused(HttpMethod.POST, "/api/organisations", null, checked, UNPROCESSABLE)))
                .containsEntry("country", "'XX' är inte en landskod enligt ISO 3166-1 alfa-2")
                .containsEntry("nutsCode", "'SE322' är inte en NUTS-kod för XX")
                .containsEntry("sector", "typen Företag hör till näringslivet");
        assertThat(reasons(api.inLanguage("de").refused(HttpMethod.POST, "/api/organisations", null, checked,
                UNPROCESSABLE)))
                .containsEntry("country", "'XX' is not an ISO 3166-1 alpha-2 country code")
                .containsEntry("sector", "a COMPANY is in the PRIVATE sector");

        JsonNode missing = swedish.refused(HttpMethod.GET, "/api/organisations/o-404", null, null, HttpStatus.NOT_FOUND);
        assertThat(missing.path("detail").asString()).isEqualTo("Organisationen o-404 finns inte");
    }

    @Test
    void itsProblemTextsAreCompleteInSwedishAndComeOutAsWritten() {
        ProblemBundles.assertComplete("problems");
    }

    private static Map<String, String> reasons(JsonNode problem) {
        Map<String, String> reasons = new HashMap<>();
        problem.path("errors").forEach(error -> reasons.put(error.path("field").asString(),
                error.path("reason").asString()));
        return reasons;
    }

    @Test
    void describesItsApiInOpenApi() {
        api.http().get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/organisations'].post").exists()
                .jsonPath("$.paths['/api/partnerships/{id}/transitions'].post").exists();
    }

    @Test
    void exposesHealthAndPrometheusMetricsOfTheBackbone() {
        api.http().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        organisation(api, "Region Jämtland Härjedalen", "REGION", "SE", "region", "SE-Z");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.http().get().uri("/actuator/prometheus")
                .exchange().expectStatus().isOk().returnResult(String.class).getResponseBody())
                .contains("samverka_outbox_published_total", "samverka_outbox_pending"));
    }

}
