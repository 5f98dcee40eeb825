package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/**
 * The coordinator's operator page, read from the stand-in services' health and metrics pages: project-service's first
 * instance and subscription-service are down here, as in every test of this context.
 */
class OperationsPageTest extends GatewayTest {

    private static final String RUNBOOK = "docs/operations.md#";
    private static final String OPEN_DEAD_LETTERS = "/api/operations/dead-letters?status=open&size=50";
    private static final String DEAD_LETTER = "samverka.projects.reporting-service.dlq/0/12";
    private static final String DEAD_LETTER_API = "/api/operations/dead-letters/" + DEAD_LETTER;
    private static final String DEAD_LETTER_PAGE = "/operations/dead-letters/reporting/" + DEAD_LETTER;
    private static final String UP = """
            {"status":"UP","components":{"mongo":{"status":"UP"},"kafka":{"status":"UP"}}}""";

    @Test
    void theCoordinatorSeesEachPartAndWhatNeedsAPerson() {
        PARTNERSHIP.answer("/actuator/health", 200, UP).answer("/actuator/prometheus", 200, """
                # TYPE samverka_outbox_pending gauge
                samverka_outbox_pending{application="partnership-service"} 0.0
                samverka_outbox_oldest_age_seconds{application="partnership-service"} 0.0
                """).answer("/api/operations/rebuilds", 404, "{}");
        PROJECT.answer("/actuator/health", 503, """
                {"status":"DOWN","components":{"mongo":{"status":"UP"},"kafka":{"status":"DOWN"}}}""")
                .answer("/actuator/prometheus", 200, """
                samverka_outbox_pending{application="project-service"} 40.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 300.0
                """).answer("/api/operations/rebuilds", 200, "[]");
        REPORTING.answer("/actuator/health", 200, UP).answer("/actuator/prometheus", 200, """
                spring_cloud_stream_binder_kafka_offset{group="reporting-service",topic="samverka.projects"} 7.0
                samverka_readmodels_writer 1.0
                samverka_events_dead_lettered_total{group="reporting-service",topic="samverka.projects"} 2.0
                samverka_events_dead_letters_open{group="reporting-service",topic="samverka.projects"} 1.0
                """).answer("/api/operations/rebuilds", 200, """
                [{"id":"r2","state":"FAILED","generation":3,"startedAt":"2026-12-06T05:00:00Z",
                  "finishedAt":"2026-12-06T05:01:00Z","events":1200,"failure":"the store did not answer"},
                 {"id":"r1","state":"COMPLETED","generation":2,"startedAt":"2026-12-01T05:00:00Z"}]""");

        String page = page("/operations", TestTokens.admin());

        assertThat(rows(page, "parts")).containsExactly(
                "partnership-service | " + PARTNERSHIP.url() + " | Uppe | Uppe | Uppe | ",
                "project-service | " + DOWN + " | ! Behöver åtgärd Svarar inte | – | – | " + RUNBOOK + "a-part-is-down",
                "project-service-2 | " + PROJECT.url() + " | ! Behöver åtgärd Nere | Uppe | Nere | " + RUNBOOK
                        + "a-part-is-down",
                "reporting-service | " + REPORTING.url() + " | Uppe | Uppe | Uppe | ",
                "subscription-service | " + DOWN + " | ! Behöver åtgärd Svarar inte | – | – | " + RUNBOOK
                        + "a-part-is-down",
                "identity-provider | " + TestTokens.jwkSetUri() + " | Uppe | – | – | ",
                "gateway | http://localhost:" + port + " | Uppe | – | – | ");
        assertThat(rows(page, "watch")).as("what ./samverka status prints, marked alike")
                .extracting(row -> withoutColumn(row, 2)).containsExactly(
                "Utkorgar | ! Behöver åtgärd 40 väntar (den äldsta 300 s) | " + RUNBOOK + "the-relay-is-stuck",
                "Konsumenternas eftersläpning | 7 poster kvar att ta | " + RUNBOOK + "consumer-lag-is-growing",
                "Parkerade poster | ! Behöver åtgärd 1 parkerade väntar på beslut | " + RUNBOOK
                        + "records-were-dead-lettered",
                "Luckor som står öppna | Inga sedan tjänsterna startade | " + RUNBOOK + "a-gap-stays-open",
                "Rapporterna skrivs av | reporting-service | " + RUNBOOK + "no-instance-writes-the-reports",
                "Webhook-leveranser | 0 väntar; 0 uppgivna sedan tjänsten startade | " + RUNBOOK
                        + "webhook-deliveries-fail");
        assertThat(page).contains("Väntar den äldsta över två minuter har reläet fastnat");
        assertThat(rows(page, "outboxes")).containsExactly("partnership-service | 0 | 0",
                "project-service-2 | 40 | ! Behöver åtgärd 300");
        assertThat(page).contains("Utan mätvärden (svarar inte): project-service, subscription-service");
        assertThat(rows(page, "lags")).containsExactly("reporting-service | samverka.projects | 7");
        assertThat(rows(page, "parked")).as("what is open, of what was parked")
                .containsExactly("samverka.projects.reporting-service.dlq | ! Behöver åtgärd 1");
        assertThat(rows(page, "rebuilds")).containsExactly(
                "partnership-service | Ingen ombyggnad här | – | – | – | –",
                "project-service | Ingen ombyggnad här | – | – | – | –",
                "reporting-service | ! Behöver åtgärd Misslyckades | 2026-12-06 06:00:00 | 2026-12-06 06:01:00 | 1200 | "
                        + "the store did not answer",
                "subscription-service | Svarar inte | – | – | – | –");
        assertThat(page).contains("Prenumerationerna kan inte läsas just nu: subscription-service svarar inte.",
                "<a href=\"/operations\">Drift</a>");
        assertThat(REPORTING.received("/api/operations/rebuilds")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).as("as the coordinator").startsWith("Bearer "));
    }

    @Test
    void listsEachServicesDeadLettersToDecideOn() {
        REPORTING.answer(OPEN_DEAD_LETTERS, 200, """
                {"deadLetters":[{"id":"%s","deadLetterTopic":"samverka.projects.reporting-service.dlq","partition":0,
                  "offset":12,"originalTopic":"samverka.projects","originalPartition":0,"originalOffset":41,
                  "group":"reporting-service","key":"p1","eventType":"se.samverka.project.registered","eventId":"e1",
                  "parkedAt":"2026-12-06T05:00:00Z","reason":"PoisonEventException: %s","status":"OPEN",
                  "decision":null}]}""".formatted(DEAD_LETTER, "x".repeat(200)));
        PARTNERSHIP.answer(OPEN_DEAD_LETTERS, 404, "{}");

        String page = page("/operations", TestTokens.admin());

        assertThat(rows(page, "dead-letters")).as("every service asked; subscription-service is down").containsExactly(
                "reporting-service | samverka.projects | se.samverka.project.registered | p1 | 2026-12-06 06:00:00 | "
                        + "PoisonEventException: " + "x".repeat(97) + "… | Spela upp igen Varför den kasseras "
                        + "(obligatoriskt) Kassera",
                "subscription-service | ! Behöver åtgärd Svarar inte");
        assertThat(page).contains("<a href=\"" + DEAD_LETTER_PAGE + "\">",
                "<form method=\"post\" action=\"" + DEAD_LETTER_PAGE + "/replay\">",
                "<label for=\"reporting-service-0-reason\">Varför den kasseras (obligatoriskt)</label>");
        assertThat(PROJECT.received(OPEN_DEAD_LETTERS)).as("project-service's instance that is up").hasSize(1);
    }

    @Test
    void aDeadLettersPageShowsItWholeAndAReplayGoesBackToTheOperatorsPage() {
        REPORTING.answer(DEAD_LETTER_API, 200, """
                {"id":"%s","deadLetterTopic":"samverka.projects.reporting-service.dlq","partition":0,"offset":12,
                 "originalTopic":"samverka.projects","originalPartition":0,"originalOffset":41,
                 "group":"reporting-service","key":"p1","eventType":"se.samverka.project.registered","eventId":"e1",
                 "parkedAt":"2026-12-06T05:00:00Z","reason":"IllegalStateException: the store refused it",
                 "status":"OPEN","decision":null,"headers":{"ce_type":"se.samverka.project.registered"},
                 "payload":"{\\"title\\":\\"<b>Vinterstaden</b>\\"}"}""".formatted(DEAD_LETTER))
                .answer(DEAD_LETTER_API + "/replay", 200, "{\"status\":\"REPLAYED\"}");

        String page = page(DEAD_LETTER_PAGE, TestTokens.admin());

        assertThat(rows(page, "headers")).containsExactly("ce_type | se.samverka.project.registered");
        assertThat(page).contains("samverka.projects (0/41)", "IllegalStateException: the store refused it",
                "<pre class=\"payload\">{&quot;title&quot;:&quot;&lt;b&gt;Vinterstaden&lt;/b&gt;&quot;}</pre>",
                "action=\"" + DEAD_LETTER_PAGE + "/discard\"");

        http.post().uri(DEAD_LETTER_PAGE + "/replay").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/operations?replayed=" + DEAD_LETTER);
        assertThat(REPORTING.received(DEAD_LETTER_API + "/replay")).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("POST");
            assertThat(call.authorization()).as("as the coordinator").startsWith("Bearer ");
        });
        assertThat(page("/operations?replayed=" + DEAD_LETTER, TestTokens.admin()))
                .contains("Posten " + DEAD_LETTER + " spelades upp igen.");
        assertThat(page("/operations?replayed=<b>x</b>", TestTokens.admin())).doesNotContain("spelades upp igen");
    }

    @Test
    void aReplayThatFailsAgainIsShownWithWhyTheServiceSaid() {
        REPORTING.answer(DEAD_LETTER_API, 200, """
                {"id":"%s","deadLetterTopic":"samverka.projects.reporting-service.dlq","partition":0,"offset":12,
                 "status":"OPEN","decision":null,"headers":{},"payload":null}""".formatted(DEAD_LETTER))
                .answer(DEAD_LETTER_API + "/replay", 409, """
                {"title":"Illegal transition","status":409,"detail":"Det misslyckades igen: the store refused it"}""");

        String page = http.post().uri(DEAD_LETTER_PAGE + "/replay")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin())).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det misslyckades igen: the store refused it", "Spela upp igen");
        assertThat(REPORTING.received(DEAD_LETTER_API + "/replay")).singleElement()
                .satisfies(call -> assertThat(call.acceptLanguage()).as("in the reader's language").startsWith("sv"));
    }

    @Test
    void aDiscardWithoutAReasonIsShownAtItsField() {
        REPORTING.answer(DEAD_LETTER_API, 200, """
                {"id":"%s","deadLetterTopic":"samverka.projects.reporting-service.dlq","partition":0,"offset":12,
                 "status":"OPEN","decision":null,"headers":{},"payload":"{}"}""".formatted(DEAD_LETTER))
                .answer(DEAD_LETTER_API + "/discard", 422, """
                {"title":"Invalid request","status":422,
                 "errors":[{"field":"reason","reason":"en kassering behöver ett skäl"}]}""");

        String page = http.post().uri(DEAD_LETTER_PAGE + "/discard")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .body(BodyInserters.fromFormData("reason", "  "))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(REPORTING.received(DEAD_LETTER_API + "/discard")).singleElement()
                .satisfies(call -> assertThat(call.body()).as("nothing written is no reason").isEqualTo("{}"));
        assertThat(page).contains("Det finns fel att rätta",
                "<a href=\"#discard-reason\">Varför: en kassering behöver ett skäl</a>",
                "id=\"discard-reason-error\"", "aria-describedby=\"discard-reason-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void aDiscardSendsItsReason() {
        REPORTING.answer(DEAD_LETTER_API + "/discard", 200, "{\"status\":\"DISCARDED\"}");

        http.post().uri(DEAD_LETTER_PAGE + "/discard").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .body(BodyInserters.fromFormData("reason", " not an event "))
                .exchange()
                .expectStatus().isSeeOther()
                .expectHeader().location("/operations?discarded=" + DEAD_LETTER);

        assertThat(REPORTING.received(DEAD_LETTER_API + "/discard")).singleElement()
                .satisfies(call -> assertThat(call.body()).isEqualTo("{\"reason\":\"not an event\"}"));
    }

    @Test
    void decidingOnADeadLetterIsTheCoordinatorsOnly() {
        http.post().uri(DEAD_LETTER_PAGE + "/replay").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0")))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(page -> assertThat(page).contains("Inte för din roll"));
        http.get().uri(DEAD_LETTER_PAGE).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/login");
        http.get().uri("/operations/dead-letters/gateway/samverka.projects.reporting-service.dlq/0/12")
                .header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin())).exchange()
                .expectStatus().isNotFound();
        assertThat(REPORTING.received()).as("nothing asked of a service for a reader who may not decide").isEmpty();
    }

    @Test
    void readsInEnglish() {
        PROJECT.answer("/actuator/prometheus", 200, """
                samverka_outbox_pending{application="project-service"} 1200.0
                samverka_outbox_oldest_age_seconds{application="project-service"} 3.0
                """);

        String page = page("/operations?lang=en", TestTokens.admin());

        assertThat(page).contains("<h1>Operations</h1>", "1,200 waiting (the oldest 3 s)", "Not answering",
                "! Needs attention", "None since the services started", "No rebuild here");
        assertThat(rows(page, "outboxes")).containsExactly("project-service-2 | 1,200 | 3");
    }

    @Test
    void isTheCoordinatorsOnly() {
        http.get().uri("/operations").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.staff("o0"))).exchange()
                .expectStatus().isForbidden()
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("Inte för din roll", "kommunens internationella samordnare")
                        .doesNotContain("href=\"/operations\""));
        assertThat(REPORTING.received()).as("nothing asked for a reader who may not see it").isEmpty();
    }

    @Test
    void aBrowserWithoutLoginIsSentToTheLogin() {
        http.get().uri("/operations").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/login");
    }

    private String page(String uri, String token) {
        return http.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The body rows of the section with this id, each as its cells' texts, without markup, between bars. */
    static List<String> rows(String page, String section) {
        String rest = page.substring(page.indexOf("<h2 id=\"" + section + "\""));
        String body = rest.substring(rest.indexOf("<tbody>"), rest.indexOf("</tbody>"));
        return Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body).results()
                .map(row -> Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1)).results()
                        .map(cell -> cell.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip())
                        .collect(Collectors.joining(" | ")))
                .toList();
    }

    private static String withoutColumn(String row, int column) {
        List<String> cells = new ArrayList<>(List.of(row.split(" \\| ", -1)));
        cells.remove(column);
        return String.join(" | ", cells);
    }
}
