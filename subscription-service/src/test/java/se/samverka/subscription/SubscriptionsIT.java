package se.samverka.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.platform.test.AccessMatrix.CREATED;
import static se.samverka.platform.test.AccessMatrix.GONE;
import static se.samverka.platform.test.AccessMatrix.HIDDEN;
import static se.samverka.platform.test.AccessMatrix.NONE;
import static se.samverka.platform.test.AccessMatrix.OK;
import static se.samverka.platform.test.AccessMatrix.row;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.platform.test.AccessMatrix;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ProblemBundles;
import se.samverka.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

class SubscriptionsIT extends SubscriptionServiceTest {

    @Autowired
    MongoOperations mongo;

    @Test
    void theSecretIsShownOnceAndRotatesWithOverlap() {
        Api partner = api.as(TestTokens.partner("org-" + UUID.randomUUID()));
        Api.Resource created = partner.created("/api/subscriptions", subscription(RECEIVER.sink(path("secret")),
                "types", List.of("se.samverka.project.statusChanged")));
        String secret = created.body().path("secret").asString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeBetween(24, 32);
        assertThat(created.etag()).isEqualTo("\"1\"");

        Api.Resource read = partner.get("/api/subscriptions/{id}", created.id());
        assertThat(read.body().has("secret")).isFalse();
        assertThat(read.body().path("status").asString()).isEqualTo("ACTIVE");

        Api.Resource rotated = partner.change(HttpMethod.POST, "/api/subscriptions/" + created.id() + "/secret",
                read.etag(), null);
        assertThat(rotated.body().path("secret").asString()).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.body().path("previousSecretUntil").isMissingNode()).isFalse();
        assertThat(partner.get("/api/subscriptions/{id}", created.id()).body().has("secret")).isFalse();

        partner.refused(HttpMethod.PUT, "/api/subscriptions/" + created.id(), read.etag(),
                subscription(RECEIVER.sink(path("moved"))), HttpStatus.PRECONDITION_FAILED);
    }

    @Test
    void itsProblemTextsAreCompleteInSwedishAndComeOutAsWritten() {
        ProblemBundles.assertComplete("problems");
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api partner = api.as(TestTokens.partner("org-" + UUID.randomUUID()));
        resolver.resolve("intranet.partner.test", "192.168.10.4");
        resolver.resolve("carrier.partner.test", "100.64.3.1");
        Map<String, String> sinks = Map.of(
                "plain http to a host not allowlisted", "http://example.org/hook",
                "cloud metadata", "https://169.254.169.254/latest/meta-data",
                "IPv6 metadata", "https://[fd00:ec2::254]/hook",
                "private by name", "https://intranet.partner.test/hook",
                "CGNAT by name", "https://carrier.partner.test/hook",
                "loopback", "https://127.0.0.1/hook",
                "not a URL", "hook");
        sinks.values().forEach(sink -> partner.expectProblem("/api/subscriptions", subscription(sink),
                HttpStatus.UNPROCESSABLE_CONTENT, "sink"));

        JsonNode inSwedish = partner.inLanguage("sv").refused(HttpMethod.POST, "/api/subscriptions", null,
                subscription("https://intranet.partner.test/hook"), HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(inSwedish.path("errors").get(0).path("reason").asString())
                .isEqualTo("värden intranet.partner.test pekar på 192.168.10.4, en privat adress som webhooks inte får nå");

        String refusing = path("refusing");
        RECEIVER.refuseHandshake(refusing);
        partner.expectProblem("/api/subscriptions", subscription(RECEIVER.sink(refusing)),
                HttpStatus.UNPROCESSABLE_CONTENT, "sink");
        partner.expectProblem("/api/subscriptions", subscription(RECEIVER.sink(path("t")), "types",
                List.of("se.samverka.project.teleported")), HttpStatus.UNPROCESSABLE_CONTENT, "types[0]");
        JsonNode unknownType = partner.refused(HttpMethod.POST, "/api/subscriptions", null,
                subscription(RECEIVER.sink(path("t")), "types", List.of("se.samverka.call.*",
                        "se.samverka.call.closingsoon")), HttpStatus.UNPROCESSABLE_CONTENT);
        assertThat(unknownType.path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asString()).isEqualTo("types[1]");
            assertThat(error.path("reason").asString()).contains("se.samverka.call.closingSoon", "se.samverka.call.*",
                    "se.samverka.project.statusChanged");
        });
        partner.expectProblem("/api/subscriptions", subscription(RECEIVER.sink(path("f")), "filters",
                List.of(Map.of("regex", Map.of("type", ".*")))), HttpStatus.UNPROCESSABLE_CONTENT, "filters[0].regex");
        partner.expectProblem("/api/subscriptions", subscription(RECEIVER.sink(path("f")), "filters",
                List.of(Map.of("all", List.of(Map.of("exact", Map.of("colour", "red")))))),
                HttpStatus.UNPROCESSABLE_CONTENT, "filters[0].all[0].exact.colour");
        partner.expectProblem("/api/subscriptions", subscription(RECEIVER.sink(path("c")), "projects",
                Map.of("countries", List.of("Norway"))), HttpStatus.UNPROCESSABLE_CONTENT, "projects.countries[0]");
        partner.expectProblem("/api/subscriptions", subscription(RECEIVER.sink(path("p")), "protocol", "MQTT"),
                HttpStatus.UNPROCESSABLE_CONTENT, "protocol");
        partner.expectProblem("/api/subscriptions", subscription(RECEIVER.sink(path("u")), "colour", "red"),
                HttpStatus.UNPROCESSABLE_CONTENT, "colour");
        assertThat(RECEIVER.at(refusing)).isEmpty();
    }

    @Test
    void textNoOneCanMeanIsRefusedNamingTheFieldAndNothingIsWritten() {
        Api partner = api.as(TestTokens.partner("org-" + UUID.randomUUID()));
        String hook = path("hygiene");
        String sink = RECEIVER.sink(hook);
        long before = mongo.getCollection("subscriptions").countDocuments();

        partner.expectProblem("/api/subscriptions", "{\"sink\": \"" + sink + "\", \"types\": [\"\\u0000\"]}",
                HttpStatus.UNPROCESSABLE_CONTENT, "types[0]");
        partner.expectProblem("/api/subscriptions", "{\"sink\": \"" + sink + "\", \"types\": [null]}",
                HttpStatus.UNPROCESSABLE_CONTENT, "types[0]");
        partner.expectProblem("/api/subscriptions", subscription(sink, "filters",
                List.of(Map.of("prefix", Map.of("type", "se.samverka.\u009f")))),
                HttpStatus.UNPROCESSABLE_CONTENT, "filters[0].prefix.type");
        partner.expectProblem("/api/subscriptions", "{\"sink\": \"" + sink + "\", "
                        + "\"projects\": {\"countries\": [\"N\\udc00\"]}}",
                HttpStatus.UNPROCESSABLE_CONTENT, "projects.countries[0]");
        partner.expectProblem("/api/subscriptions", subscription(sink + "\u0007"), HttpStatus.UNPROCESSABLE_CONTENT,
                "sink");

        assertThat(mongo.getCollection("subscriptions").countDocuments()).isEqualTo(before);
        assertThat(RECEIVER.at(hook)).as("no handshake for a refused subscription").isEmpty();
    }

    @Test
    void anOrganisationSeesAndManagesOnlyItsOwn() {
        String owner = "org-" + UUID.randomUUID();
        String other = "org-" + UUID.randomUUID();
        String sink = RECEIVER.sink(path("matrix"));
        Map<String, Object> body = subscription(sink);
        List<AccessMatrix.Row> rows = List.of(
                //                                                      ANON  ADMIN  STAFF  STAFF' COMP   COMP'   PARTNER'
                row("POST /api/subscriptions", "-",                         NONE, CREATED, CREATED, CREATED, CREATED, CREATED, CREATED),
                row("GET /api/subscriptions", "-",                          NONE, OK, OK, OK, OK, OK, OK),
                row("GET /api/subscriptions/{id}", "-",                     NONE, OK, OK, HIDDEN, OK, HIDDEN, HIDDEN),
                row("PUT /api/subscriptions/{id}", "-",                     NONE, OK, OK, HIDDEN, OK, HIDDEN, HIDDEN),
                row("POST /api/subscriptions/{id}/secret", "-",             NONE, OK, OK, HIDDEN, OK, HIDDEN, HIDDEN),
                row("GET /api/subscriptions/{id}/deliveries", "-",          NONE, OK, OK, HIDDEN, OK, HIDDEN, HIDDEN),
                row("DELETE /api/subscriptions/{id}", "-",                  NONE, GONE, GONE, HIDDEN, GONE, HIDDEN, HIDDEN));
        AccessMatrix.verify(rows, (row, who) -> {
            String id = api.as(TestTokens.staff(owner)).create("/api/subscriptions", body);
            String token = who.token(owner, other);
            Api caller = token == null ? api.anonymous() : api.as(token);
            String[] call = row.endpoint().split(" ", 2);
            HttpMethod method = HttpMethod.valueOf(call[0]);
            String uri = call[1].replace("{id}", id);
            boolean writes = method == HttpMethod.PUT || uri.endsWith("/secret");
            return caller.status(method, uri, writes ? "\"1\"" : null,
                    method == HttpMethod.POST && !uri.endsWith("/secret") || method == HttpMethod.PUT ? body : null);
        });

        Api staffOfOther = api.as(TestTokens.staff(other));
        assertThat(staffOfOther.get("/api/subscriptions?size=200").body().path("items").findValuesAsString("organisationId"))
                .containsOnly(other);
    }
}
