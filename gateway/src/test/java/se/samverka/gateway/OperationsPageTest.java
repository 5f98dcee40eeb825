package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import se.samverka.platform.test.TestTokens;

/**
 * The coordinator's operator page, read from the stand-in services' health and metrics pages: project-service's first
 * instance and subscription-service are down here, as in every test of this context.
 */
class OperationsPageTest extends GatewayTest {

    private static final String RUNBOOK = "docs/operations.md#";
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
                "Parkerade poster | ! Behöver åtgärd 2 parkerade sedan tjänsterna startade | " + RUNBOOK
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
        assertThat(rows(page, "parked")).containsExactly("samverka.projects.reporting-service.dlq | ! Behöver åtgärd 2");
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
