package se.samverka.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.partnership.TestData.call;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The register of funding calls through its API: what it keeps, announces and refuses. */
class CallRegisterIT extends ServiceIntegrationTest {

    private static final HttpStatus UNPROCESSABLE = HttpStatus.UNPROCESSABLE_CONTENT;

    @Autowired
    MongoOperations mongo;

    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    void publishesACallWithItsStatusAndAnnouncesAllOfIt() {
        String created = api.http().post().uri("/api/calls").contentType(MediaType.APPLICATION_JSON)
                .body(call("Interreg Aurora, call 4", today.plusDays(45), "nameEn", "Interreg Aurora call 4",
                        "summary", "Cross-border projects in the north", "opensOn", today.minusDays(10).toString(),
                        "budget", Map.of("amount", "2500000", "currency", "EUR"), "themes", List.of("CLIMATE"),
                        "growthAreas", List.of("EXPERIENCE_INDUSTRY"), "strategies", List.of("S3"),
                        "eligibleCountries", List.of("SE", "FI", "NO"),
                        "eligibleOrganisationTypes", List.of("MUNICIPALITY", "COMPANY", "SOCIAL_ECONOMY"),
                        "url", "https://www.interregaurora.eu/calls"))
                .exchange().expectStatus().isCreated().expectHeader().valueMatches("Location", ".*/api/calls/.+")
                .expectHeader().valueEquals("ETag", "\"1\"")
                .returnResult(String.class).getResponseBody();
        JsonNode response = JsonMapper.builder().build().readTree(created);

        assertThat(response.path("status").asString()).isEqualTo("OPEN");
        assertThat(response.path("daysLeft").asInt()).isEqualTo(45);
        assertThat(response.path("visibility").asString()).as("a call is public unless told").isEqualTo("PUBLIC");
        assertThat(response.path("budget").toString()).isEqualTo("{\"amount\":\"2500000.00\",\"currency\":\"EUR\"}");
        assertThat(response.path("withdrawal").isNull()).isTrue();
        String id = response.path("id").asString();
        assertThat(api.get("/api/calls/{id}", id).body()).isEqualTo(response);
        EventEnvelope published = awaitEvents(PartnershipContracts.CALLS, id, 1).get(0);
        assertThat(published.type()).isEqualTo(PartnershipContracts.CALL_PUBLISHED.type());
        assertThat(published.data()).contains("\"callId\":\"" + id + "\"", "\"programme\":\"INTERREG_AURORA\"",
                "\"deadline\":\"" + today.plusDays(45) + "\"", "\"eligibleCountries\":[\"SE\",\"FI\",\"NO\"]",
                "\"eligibleOrganisationTypes\":[\"MUNICIPALITY\",\"COMPANY\",\"SOCIAL_ECONOMY\"]",
                "\"visibility\":\"PUBLIC\"");
    }

    @Test
    void everyChangeNeedsTheVersionItIsBasedOnAndAWithdrawnCallStaysAsItWas() {
        Api.Resource call = api.created("/api/calls", call("Erasmus+ KA2", today.plusDays(20), "programme",
                "ERASMUS_PLUS"));
        String uri = "/api/calls/" + call.id();
        Map<String, Object> moved = call("Erasmus+ KA2 2027", today.plusDays(27), "programme", "ERASMUS_PLUS");

        api.refused(HttpMethod.PUT, uri, null, moved, HttpStatus.PRECONDITION_REQUIRED);
        Api.Resource changed = api.change(HttpMethod.PUT, uri, call.etag(), moved);
        api.refused(HttpMethod.PUT, uri, call.etag(), moved, HttpStatus.PRECONDITION_FAILED);
        api.refused(HttpMethod.POST, uri + "/withdrawal", call.etag(), Map.of("reason", "Stale"),
                HttpStatus.PRECONDITION_FAILED);
        assertThat(changed.body().path("daysLeft").asInt()).isEqualTo(27);
        assertThat(changed.etag()).isEqualTo("\"2\"");

        Api.Resource withdrawn = api.change(HttpMethod.POST, uri + "/withdrawal", changed.etag(),
                Map.of("reason", "Entered twice by mistake"));
        assertThat(withdrawn.body().path("status").asString()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.body().path("daysLeft").isNull()).isTrue();
        assertThat(withdrawn.body().path("withdrawal").path("reason").asString()).isEqualTo("Entered twice by mistake");
        assertThat(api.anonymous().get(uri).body().path("withdrawal").isNull()).as("for the municipality's eyes")
                .isTrue();
        api.refused(HttpMethod.PUT, uri, withdrawn.etag(), moved, HttpStatus.CONFLICT);
        api.refused(HttpMethod.POST, uri + "/withdrawal", withdrawn.etag(), Map.of("reason", "Again"),
                HttpStatus.CONFLICT);

        List<EventEnvelope> events = awaitEvents(PartnershipContracts.CALLS, call.id(), 3);
        assertThat(events).extracting(EventEnvelope::type).containsExactly(PartnershipContracts.CALL_PUBLISHED.type(),
                PartnershipContracts.CALL_UPDATED.type(), PartnershipContracts.CALL_WITHDRAWN.type());
        assertThat(events.get(1).data()).contains("\"name\":\"Erasmus+ KA2 2027\"");
        assertThat(events.get(2).data()).isEqualTo("{\"callId\":\"" + call.id() + "\"}");
    }

    @Test
    void aBadDescriptionIsRefusedNamingEveryFieldAndNothingIsWritten() {
        long before = mongo.getCollection("calls").countDocuments();

        JsonNode problem = api.refused(HttpMethod.POST, "/api/calls", null, call("Fel", today, "programme", "LOTTERY",
                "opensOn", today.plusDays(1).toString(), "growthAreas", List.of("TOURISM_ON_MARS"),
                "strategies", List.of("S9"), "eligibleCountries", List.of("SE", "XX"), "url", "ftp://example.org/call",
                "budget", Map.of("amount", "10", "currency", "XYZ")), UNPROCESSABLE);
        assertThat(fields(problem)).containsExactlyInAnyOrder("programme", "deadline", "growthAreas[0]",
                "strategies[0]", "eligibleCountries[1]", "url", "budget.currency");
        assertThat(reason(api.inLanguage("sv").refused(HttpMethod.POST, "/api/calls", null,
                call("Fel", today, "programme", "LOTTERY"), UNPROCESSABLE), "programme"))
                .startsWith("'LOTTERY' är inte ett finansieringsprogram");
        api.expectProblem("/api/calls", call("Fel", today, "budget", Map.of("amount", "-1", "currency", "SEK")),
                UNPROCESSABLE, "budget.amount");
        api.expectProblem("/api/calls", call("Fel", today, "budget", Map.of("amount", "10.5", "currency", "JPY")),
                UNPROCESSABLE, "budget.amount");
        api.expectProblem("/api/calls", call("Fel", today, "themes", List.of("WEATHER")), UNPROCESSABLE, "themes[0]");
        api.expectProblem("/api/calls", call("Fel", today, "eligibleOrganisationTypes", List.of("GUILD")),
                UNPROCESSABLE, "eligibleOrganisationTypes[0]");
        api.expectProblem("/api/calls", call("Fel", today, "eligibleCountries", List.of("Sverige")), UNPROCESSABLE,
                "eligibleCountries[0]");
        api.expectProblem("/api/calls", Map.of("programme", "ERASMUS_PLUS", "name", "Fel"), UNPROCESSABLE, "deadline");
        assertThat(mongo.getCollection("calls").countDocuments()).isEqualTo(before);
    }

    @Test
    void listsCallsNotWithdrawnSoonestDeadlineFirstAndFiltersThem() {
        String programme = "CREATIVE_EUROPE";
        create("Open late", today.plusDays(20), "opensOn", today.minusDays(5).toString());
        create("Open soon", today.plusDays(5));
        create("Upcoming", today.plusDays(60), "opensOn", today.plusDays(10).toString());
        create("Closed", today.minusDays(3));
        Api.Resource withdrawn = api.created("/api/calls", call("Withdrawn", today.plusDays(30), "programme",
                programme));
        api.change(HttpMethod.POST, "/api/calls/" + withdrawn.id() + "/withdrawal", withdrawn.etag(),
                Map.of("reason", "Cancelled"));

        assertThat(names("")).containsExactly("Closed", "Open soon", "Open late", "Upcoming");
        assertThat(names("&status=OPEN")).containsExactly("Open soon", "Open late");
        assertThat(names("&status=UPCOMING")).containsExactly("Upcoming");
        assertThat(names("&status=CLOSED")).containsExactly("Closed");
        assertThat(names("&status=WITHDRAWN")).containsExactly("Withdrawn");
        assertThat(names("&closingWithinDays=5")).containsExactly("Open soon");
        assertThat(names("&sort=-deadline&size=2")).containsExactly("Upcoming", "Open late");
        JsonNode page = api.get("/api/calls?programme=" + programme + "&status=CLOSED").body();
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
        assertThat(page.path("items").get(0).path("daysLeft").isNull()).isTrue();
        api.refused(HttpMethod.GET, "/api/calls?closingWithinDays=-1", null, null, UNPROCESSABLE);
    }

    private void create(String name, LocalDate deadline, Object... more) {
        List<Object> fields = new ArrayList<>(List.of(more));
        fields.addAll(List.of("programme", "CREATIVE_EUROPE"));
        api.create("/api/calls", call(name, deadline, fields.toArray()));
    }

    private List<String> names(String query) {
        return api.get("/api/calls?programme=CREATIVE_EUROPE" + query).body().path("items")
                .findValuesAsString("name");
    }

    private static List<String> fields(JsonNode problem) {
        return problem.path("errors").findValuesAsString("field");
    }

    private static String reason(JsonNode problem, String field) {
        for (JsonNode error : problem.path("errors")) {
            if (error.path("field").asString().equals(field)) {
                return error.path("reason").asString();
            }
        }
        throw new AssertionError("no problem with " + field + " in " + problem);
    }
}
