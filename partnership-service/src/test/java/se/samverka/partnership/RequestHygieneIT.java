package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.partnership.TestData.organisation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Text no one can mean is refused where it enters, naming the field, and nothing is written; a search term is
 * searched as it is; an odd parameter or header is a problem, never a failure.
 */
class RequestHygieneIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    @Autowired
    MongoOperations mongo;
    @LocalServerPort
    int port;

    @Test
    void textNoOneCanMeanIsRefusedNamingTheFieldAndNothingIsWritten() {
        String sanok = organisation(api, "Sanoks kommun", "FOREIGN_CITY", "PL");
        Api.Resource before = api.get("/api/organisations/{id}", sanok);
        long organisations = mongo.getCollection("organisations").countDocuments();
        long partnerships = mongo.getCollection("partnerships").countDocuments();

        assertThat(refused(HttpMethod.POST, "/api/organisations", null,
                "{\"name\": \"\\u0000\", \"type\": \"COMPANY\", \"country\": \"SE\"}"))
                .containsExactly(Map.entry("name", "must not contain control characters; U+0000 at position 1"));
        assertThat(refused(HttpMethod.PUT, "/api/organisations/" + sanok, before.etag(),
                "{\"name\": \"Sanoks kommun\", \"nameEn\": \"Sanok\u0085\", \"type\": \"FOREIGN_CITY\", \"country\": \"PL\"}"))
                .containsOnlyKeys("nameEn");
        assertThat(refused(HttpMethod.POST, "/api/organisations/" + sanok + "/contact-persons", null,
                "{\"name\": \"Jan Kowalski\", \"role\": \"\\ud800\", \"lawfulBasis\": \"PUBLIC_TASK\", "
                        + "\"retainUntil\": \"2099-01-01\"}"))
                .containsExactly(Map.entry("role", "must be valid Unicode text; an unpaired surrogate U+D800 at position 1"));
        assertThat(refused(HttpMethod.POST, "/api/partnerships", null,
                "{\"name\": \"Vänort Sanok\", \"type\": \"TWIN_CITY\", \"parties\": [{\"organisationId\": \"" + sanok
                        + "\", \"role\": \"LEAD\"}, {\"organisationId\": \"\\u001b[31m\", \"role\": \"PARTNER\"}]}"))
                .containsOnlyKeys("parties[1].organisationId");
        JsonNode swedish = api.inLanguage("sv").refused(HttpMethod.POST, "/api/partnerships", null,
                "{\"name\": \"Vänort\\u007f\", \"type\": \"TWIN_CITY\", \"parties\": []}", UNPROCESSABLE);
        assertThat(swedish.path("errors").get(0).path("reason").asString())
                .isEqualTo("får inte innehålla styrtecken; U+007F på position 7");

        assertThat(mongo.getCollection("organisations").countDocuments()).isEqualTo(organisations);
        assertThat(mongo.getCollection("partnerships").countDocuments()).isEqualTo(partnerships);
        assertThat(api.get("/api/organisations/{id}", sanok).etag()).isEqualTo(before.etag());
        assertThat(api.get("/api/organisations/{id}/contact-persons", sanok).body().size()).isZero();
    }

    @Test
    void tabsAndLineBreaksOfADescriptionAreKept() {
        String sanok = organisation(api, "Sanoks kommun", "FOREIGN_CITY", "PL");
        String kajaani = organisation(api, "Kajaanin kaupunki", "FOREIGN_CITY", "FI");
        String description = "Vänort sedan 1989.\r\nUtbyten:\tskola, kultur.";
        Api.Resource created = api.created("/api/partnerships", TestData.partnership("Vänort Sanok", "TWIN_CITY",
                List.of(sanok, kajaani), "description", description));
        assertThat(created.body().path("description").asString()).isEqualTo(description);
    }

    @Test
    void aSearchTermIsFoundAsItIsWhateverItHolds() {
        String tag = "Bokstavligt" + System.nanoTime();
        organisation(api, tag + " (Å.*) 100% [x]|y\\z", "FOREIGN_CITY", "PL");
        organisation(api, tag + " Aaa", "FOREIGN_CITY", "PL");

        assertThat(total("/api/organisations?q={q}", tag)).isEqualTo(2);
        assertThat(total("/api/organisations?q={q}", tag.toUpperCase() + " (å.*) 100% [X]|Y\\Z")).isEqualTo(1);
        for (String odd : List.of(".*", " .*", "\u0000", "a\u0000b", "(", "[", "\\", "\\E", "\\Q", "$where", "😀",
                "\ud800", "{\"$gt\": \"\"}")) {
            assertThat(total("/api/organisations?q={q}", tag + odd)).as(odd).isZero();
            assertThat(total("/api/partnerships?q={q}", tag + odd)).as(odd).isZero();
        }
    }

    @Test
    void anOddParameterOrContentTypeIsAProblemNeverAFailure() throws Exception {
        long organisations = mongo.getCollection("organisations").countDocuments();
        for (String query : List.of("q=%ff", "q=%C0%AF", "page=%ed%a0%80")) {
            HttpResponse<String> undecodable = send(HttpRequest.newBuilder(uri("/api/organisations?" + query)).GET());
            assertThat(undecodable.statusCode()).as(query).isEqualTo(400);
            assertThat(undecodable.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        for (String type : List.of("*/*", "application/*")) {
            HttpResponse<String> wildcard = send(HttpRequest.newBuilder(uri("/api/organisations"))
                    .header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"Wildcard AB\", \"type\": \"COMPANY\", \"country\": \"SE\"}")));
            assertThat(wildcard.statusCode()).as(type).isEqualTo(415);
            assertThat(wildcard.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        JsonNode unknownType = api.refused(HttpMethod.GET, "/api/organisations?type=VILLAGE", null, null, UNPROCESSABLE);
        assertThat(unknownType.path("errors").get(0).path("field").asString()).isEqualTo("type");
        assertThat(unknownType.path("errors").get(0).path("reason").asString()).endsWith("was 'VILLAGE'");
        assertThat(mongo.getCollection("organisations").countDocuments()).isEqualTo(organisations);
    }

    /** @return the problem's errors: each field with its reason */
    private Map<String, String> refused(HttpMethod method, String uri, String ifMatch, String json) {
        Map<String, String> errors = new LinkedHashMap<>();
        api.refused(method, uri, ifMatch, json, UNPROCESSABLE).path("errors")
                .forEach(error -> errors.put(error.path("field").asString(), error.path("reason").asString()));
        return errors;
    }

    private long total(String uri, String q) {
        return api.get(uri, q).body().path("totalItems").asLong();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Sent as it is: the test client would encode what a client may well send unencoded. */
    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(request.header("Authorization", "Bearer " + TestTokens.admin()).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
