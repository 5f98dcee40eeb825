package se.samverka.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;
import se.samverka.platform.test.TestTokens;

/**
 * A partner's subscription pages: the list and the form, the secret shown once, the delivery log, the rotation. Its
 * own context, with subscription-service up: in the others it is the service that is down.
 */
@TestPropertySource(properties = "samverka.test.context=subscription-service-up")
class SubscriptionPagesTest extends GatewayTest {

    private static final StubService SUBSCRIPTION = new StubService("subscription");
    private static final String PARTNER = TestTokens.partner("o9");

    static {
        subscriptionService = SUBSCRIPTION.url();
    }

    @AfterAll
    static void downAgainForTheContextsAfter() {
        subscriptionService = DOWN;
    }

    @BeforeEach
    void freshSubscriptions() {
        SUBSCRIPTION.reset();
    }

    @Test
    void aNewSubscriptionShowsItsSecretOnce() {
        SUBSCRIPTION.answer("/api/subscriptions", 201, """
                {"id":"sub1","version":1,"sink":"https://partner.example/hooks","types":[],"status":"ACTIVE",
                 "secret":"whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0"}""");

        String page = http.post().uri("/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(PARTNER))
                .body(BodyInserters.fromFormData("sink", " https://partner.example/hooks ")
                        .with("types", "se.samverka.project.statusChanged").with("countries", "no, fi"))
                .exchange().expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Prenumerationen är skapad", "whsec_c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0",
                "visas bara den här gången");
        assertThat(SUBSCRIPTION.received("/api/subscriptions").get(0).body()).contains(
                "\"sink\":\"https://partner.example/hooks\"", "\"types\":[\"se.samverka.project.statusChanged\"]",
                "\"countries\":[\"NO\",\"FI\"]");
    }

    @Test
    void aRefusedSinkIsShownNextToItsField() {
        SUBSCRIPTION.answer("/api/subscriptions", 422, """
                {"title":"Invalid request","status":422,"errors":[{"field":"sink","reason":"must use https"}]}""")
                .answer("/api/subscriptions?size=100", 200, """
                {"items":[{"id":"sub0","sink":"https://partner.example/old","types":[],"status":"ACTIVE"}]}""");

        String page = http.post().uri("/subscriptions").header(HttpHeaders.AUTHORIZATION, bearer(PARTNER))
                .body(BodyInserters.fromFormData("sink", "http://intranet.local/x"))
                .exchange().expectStatus().isEqualTo(422).expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains("Det finns fel att rätta", "must use https", "id=\"sink-error\"",
                "value=\"http://intranet.local/x\"", "https://partner.example/old", "Alla projekthändelser");
    }

    @Test
    void aSubscriptionsPageShowsItsDeliveriesAndRotatesItsSecretWithItsVersion() {
        SUBSCRIPTION.answer("/api/subscriptions/sub1", 200, """
                {"id":"sub1","version":3,"sink":"https://partner.example/hooks","types":[],"status":"DISABLED",
                 "disabledReason":"the receiver answered 410 Gone"}""")
                .answer("/api/subscriptions/sub1/deliveries?size=50&sort=createdAt,desc", 200, """
                {"items":[{"id":"d1","eventType":"se.samverka.project.statusChanged","eventTime":"2026-11-20T10:00:00Z",
                  "status":"FAILED","attempts":[{"status":410}]}]}""")
                .answer("/api/subscriptions/sub1/secret", 200, """
                {"id":"sub1","version":4,"secret":"whsec_bnl0dG55dHRueXR0bnl0dG55dHRueXR0"}""");

        String page = http.get().uri("/subscriptions/sub1").header(HttpHeaders.AUTHORIZATION, bearer(PARTNER)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Avstängd", "the receiver answered 410 Gone", "se.samverka.project.statusChanged",
                "FAILED", "410");

        http.post().uri("/subscriptions/sub1/secret").header(HttpHeaders.AUTHORIZATION, bearer(PARTNER))
                .body(BodyInserters.fromFormData("version", "\"3\"")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(rotated -> assertThat(rotated).contains("Signeringsnyckeln är bytt",
                        "whsec_bnl0dG55dHRueXR0bnl0dG55dHRueXR0"));
        assertThat(SUBSCRIPTION.received("/api/subscriptions/sub1/secret").get(0).ifMatch()).isEqualTo("\"3\"");
    }

    @Test
    void theCoordinatorsOperationsPageListsTheSubscriptionsWhoseDeliveriesDoNotGetThrough() {
        SUBSCRIPTION.answer("/api/subscriptions?size=200", 200, """
                {"items":[
                  {"id":"sub1","organisationId":"o9","sink":"https://partner.example/hooks","status":"ACTIVE"},
                  {"id":"sub2","organisationId":"o8","sink":"https://gone.example/hooks","status":"DISABLED",
                   "disabledReason":"the receiver answered 410 Gone"},
                  {"id":"sub3","organisationId":"o7","sink":"https://fine.example/hooks","status":"ACTIVE"}],
                 "totalItems":3}""");
        deliveries("sub1", 2, 1);
        deliveries("sub2", 0, 0);
        deliveries("sub3", 0, 0);

        String page = http.get().uri("/operations").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.admin()))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(OperationsPageTest.rows(page, "subscriptions")).containsExactly(
                "https://partner.example/hooks | o9 | ! Behöver åtgärd Aktiv | 2 | 1 | "
                        + "docs/operations.md#webhook-deliveries-fail",
                "https://gone.example/hooks | o8 | ! Behöver åtgärd Avstängd (the receiver answered 410 Gone) | 0 | 0 | "
                        + "docs/operations.md#webhook-deliveries-fail");
        assertThat(page).contains("<a href=\"/subscriptions/sub1\">https://partner.example/hooks</a>");
        assertThat(SUBSCRIPTION.received("/api/subscriptions?size=200")).singleElement()
                .satisfies(call -> assertThat(call.authorization()).as("as the coordinator").startsWith("Bearer "));
    }

    private static void deliveries(String subscription, int failed, int waiting) {
        String deliveries = "/api/subscriptions/" + subscription + "/deliveries?status=";
        SUBSCRIPTION.answer(deliveries + "FAILED&size=1", 200, "{\"items\":[],\"totalItems\":" + failed + "}")
                .answer(deliveries + "PENDING&size=1", 200, "{\"items\":[],\"totalItems\":" + waiting + "}");
    }
}
