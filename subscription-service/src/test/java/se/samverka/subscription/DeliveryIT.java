package se.samverka.subscription;

import java.util.Base64;
import java.util.stream.Stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ConsumerMeters;
import se.samverka.platform.test.TestTokens;
import se.samverka.platform.test.WebhookReceiver;
import se.samverka.platform.tokens.Role;
import se.samverka.subscription.delivery.Delivery;
import se.samverka.subscription.delivery.DeliveryStatus;
import se.samverka.subscription.delivery.DeliveryStore;
import se.samverka.subscription.project.Directory;
import se.samverka.subscription.project.ProjectEvents;
import se.samverka.subscription.project.ProjectView;
import se.samverka.subscription.register.ProjectCriteria;
import se.samverka.subscription.register.Subscription;
import se.samverka.subscription.register.SubscriptionStatus;
import se.samverka.subscription.register.SubscriptionStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DeliveryIT extends SubscriptionServiceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The Standard Webhooks schedule, compressed as configured (scale 0.0001). */
    private static final List<Duration> SCALED = List.of(Duration.ofNanos(500_000), Duration.ofMillis(30),
            Duration.ofMillis(180), Duration.ofMillis(720), Duration.ofMillis(1800), Duration.ofMillis(3600),
            Duration.ofMillis(3600));

    @Autowired
    ProjectEvents projects;
    @Autowired
    SubscriptionStore subscriptionStore;
    @Autowired
    MeterRegistry meters;
    @Autowired
    Directory directory;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    DeliveryStore deliveryStore;
    @Autowired
    MongoOperations mongo;

    private final String municipalityDepartment = "org-" + UUID.randomUUID();

    @Test
    void aPartnerGetsSignedCloudEventsOfWhatItMayReadOnlyOnceEach() throws Exception {
        Api partner = api.as(TestTokens.partner("org-" + UUID.randomUUID()));
        String sink = path("visible");
        Api.Resource created = partner.created("/api/subscriptions", subscription(RECEIVER.sink(sink)));
        String oldSecret = created.body().path("secret").asString();
        String newSecret = partner.change(HttpMethod.POST, "/api/subscriptions/" + created.id() + "/secret",
                created.etag(), null).body().path("secret").asString();

        String project = "p-" + UUID.randomUUID();
        String hidden = "p-" + UUID.randomUUID();
        events.project(hidden, municipalityDepartment, "INTERNAL");
        EventEnvelope registered = events.project(project, municipalityDepartment, "COUNTY");
        events.funding(project, "INTERNAL_FUND", true);
        EventEnvelope openFunding = events.funding(project, "INTERREG_AURORA", false);
        events.update(project, municipalityDepartment, "INTERNAL");
        events.status(project, "IDEA", "ONGOING");
        EventEnvelope sharedAgain = events.update(project, municipalityDepartment, "COUNTY");
        events.again(registered);
        EventEnvelope last = events.status(project, "ONGOING", "COMPLETED");

        List<WebhookReceiver.Received> received = await().atMost(WAIT).until(() -> RECEIVER.at(sink), r -> r.size() >= 4);
        assertThat(received).extracting(r -> r.headers().getFirst("webhook-id"))
                .containsExactly(registered.id(), openFunding.id(), sharedAgain.id(), last.id());
        for (WebhookReceiver.Received delivery : received) {
            new Webhook(oldSecret).verify(delivery.body(), delivery.headers());
            new Webhook(newSecret).verify(delivery.body(), delivery.headers());
            assertThat(delivery.headers().getFirst("Content-Type")).startsWith("application/cloudevents+json");
            assertThat(delivery.headers().getFirst("webhook-signature").split(" ")).hasSize(2);
        }
        JsonNode first = JSON.readTree(received.get(0).body());
        assertThat(first.path("specversion").asString()).isEqualTo("1.0");
        assertThat(first.path("id").asString()).isEqualTo(registered.id());
        assertThat(first.path("type").asString()).isEqualTo("se.samverka.project.registered");
        assertThat(first.path("subject").asString()).isEqualTo(project);
        assertThat(first.path("source").asString()).isEqualTo("/test");
        assertThat(first.path("datacontenttype").asString()).isEqualTo("application/json");
        assertThat(Instant.parse(first.path("time").asString())).isEqualTo(registered.time().toInstant());
        assertThat(first.path("data").path("title").asString()).isEqualTo("Projekt " + project);
        assertThat(first.path("data").has("contactPersonIds")).isFalse();
        assertThat(JSON.readTree(received.get(2).body()).path("data").has("contactPersonIds")).isFalse();

        assertThat(received).noneMatch(r -> r.body().contains(hidden));
        assertThat(meters.get("samverka.subscriptions.deliveries").tag("outcome", "delivered").counter().count())
                .isGreaterThanOrEqualTo(4);
        assertThat(meters.get("samverka.subscriptions.delivery.latency").timer().count()).isGreaterThanOrEqualTo(4);
        assertThat(meters.get("samverka.subscriptions.deliveries.pending").gauge()).isNotNull();
    }

    @Test
    void aPartnerGetsSignedNoticesOfTheCallsItMayReadAndOnlyIfItAskedForCalls() throws Exception {
        Api partner = api.as(TestTokens.partner("org-" + UUID.randomUUID()));
        String deadlines = path("deadlines");
        String everyCall = path("every-call");
        String projectsOnly = path("projects-only");
        Api.Resource notices = partner.created("/api/subscriptions", subscription(RECEIVER.sink(deadlines), "types",
                List.of("se.samverka.call.closingSoon")));
        partner.created("/api/subscriptions", subscription(RECEIVER.sink(everyCall), "types",
                List.of("se.samverka.call.*")));
        Api.Resource projectEvents = partner.created("/api/subscriptions", subscription(RECEIVER.sink(projectsOnly)));

        String call = "c-" + UUID.randomUUID();
        events.call(call, "INTERNAL");
        EventEnvelope hiddenNotice = events.closingSoon(call, 30);
        EventEnvelope shared = events.callUpdated(call, "COUNTY");
        EventEnvelope notice = events.closingSoon(call, 7);

        List<WebhookReceiver.Received> received =
                await().atMost(WAIT).until(() -> RECEIVER.at(deadlines), r -> !r.isEmpty());
        assertThat(received).singleElement().satisfies(delivery -> {
            assertThat(delivery.headers().getFirst("webhook-id")).isEqualTo(notice.id());
            new Webhook(notices.body().path("secret").asString()).verify(delivery.body(), delivery.headers());
            assertThat(delivery.headers().getFirst("Content-Type")).startsWith("application/cloudevents+json");
            JsonNode event = JSON.readTree(delivery.body());
            assertThat(event.path("type").asString()).isEqualTo("se.samverka.call.closingSoon");
            assertThat(event.path("subject").asString()).isEqualTo(call);
            assertThat(event.path("data").path("daysLeft").asInt()).isEqualTo(7);
            assertThat(event.path("data").path("call").path("callId").asString()).isEqualTo(call);
            assertThat(event.path("data").path("call").path("name").asString()).isEqualTo("Utlysning " + call);
            assertThat(event.path("data").path("call").path("programme").asString()).isEqualTo("INTERREG_AURORA");
            assertThat(event.path("data").path("call").path("deadline").asString()).isEqualTo("2027-02-15");
        });
        assertThat(await().atMost(WAIT).until(() -> RECEIVER.at(everyCall), r -> r.size() >= 2))
                .extracting(r -> r.headers().getFirst("webhook-id"))
                .as("nothing of the call while it was internal").containsExactly(shared.id(), notice.id())
                .doesNotContain(hiddenNotice.id());
        // Planned in the same pass as the others: a subscription without types follows project events only.
        assertThat(deliveries(partner, projectEvents.id(), list -> true)).isEmpty();
        assertThat(RECEIVER.at(projectsOnly)).isEmpty();
    }

    @Test
    void eventsThatArriveTogetherAreAppliedTogetherAndDeliveredInTheirOrder() {
        String sink = path("together");
        api.as(TestTokens.partner("org-" + UUID.randomUUID()))
                .create("/api/subscriptions", subscription(RECEIVER.sink(sink)));
        String project = "p-" + UUID.randomUUID();
        double splitBefore = split();
        List<EventEnvelope> sent;

        // Stopped, the consumer finds the events waiting when it starts, and takes them in one poll.
        bindings.stop("projectEvents-in-0");
        try {
            sent = List.of(events.project(project, municipalityDepartment, "PUBLIC"),
                    events.funding(project, "INTERREG_AURORA", false), events.status(project, "IDEA", "ONGOING"),
                    events.status(project, "ONGOING", "COMPLETED"));
        } finally {
            bindings.start("projectEvents-in-0");
        }

        List<WebhookReceiver.Received> received =
                await().atMost(WAIT).until(() -> RECEIVER.at(sink), r -> r.size() >= 4);
        assertThat(received).extracting(r -> r.headers().getFirst("webhook-id"))
                .containsExactlyElementsOf(sent.stream().map(EventEnvelope::id).toList());
        // Deliveries are planned before the batch's views are written, so a webhook may arrive before its view.
        await().atMost(WAIT).until(() -> projects.project(project).map(ProjectView::status)
                .filter("COMPLETED"::equals).isPresent());
        assertThat(projects.project(project)).map(ProjectView::status).contains("COMPLETED");
        assertThat(ConsumerMeters.largestBatch(meters, "subscription-projects")).isGreaterThanOrEqualTo(4);
        assertThat(split()).isEqualTo(splitBefore);
    }

    private double split() {
        return ConsumerMeters.count(meters, "samverka.events.batches.split", "subscription-projects");
    }

    @Test
    void retriesFollowTheScheduleThenFailAndTheProjectGoesOn() {
        String sink = path("flaky");
        RECEIVER.answer(sink, Stream.generate(() -> new WebhookReceiver.Answer(500, null)).limit(8)
                .toArray(WebhookReceiver.Answer[]::new));
        Api partner = api.as(TestTokens.partner("org-" + UUID.randomUUID()));
        String id = partner.create("/api/subscriptions", subscription(RECEIVER.sink(sink)));
        String project = "p-" + UUID.randomUUID();
        EventEnvelope failing = events.project(project, municipalityDepartment, "PUBLIC");
        EventEnvelope next = events.status(project, "IDEA", "ONGOING");

        List<WebhookReceiver.Received> received = await().atMost(WAIT).until(() -> RECEIVER.at(sink), r -> r.size() >= 9);
        assertThat(received.subList(0, 8)).allMatch(r -> r.headers().getFirst("webhook-id").equals(failing.id()));
        assertThat(received.get(8).headers().getFirst("webhook-id")).isEqualTo(next.id());
        for (int i = 1; i < 8; i++) {
            assertThat(Duration.ofNanos(received.get(i).atNanos() - received.get(i - 1).atNanos()))
                    .as("pause before attempt %d", i + 1).isGreaterThanOrEqualTo(SCALED.get(i - 1));
        }
        List<JsonNode> log = deliveries(partner, id, items -> items.size() == 2
                && items.stream().allMatch(d -> !d.path("status").asString().equals("PENDING")));
        JsonNode failed = log.stream().filter(d -> d.path("eventId").asString().equals(failing.id())).findFirst().orElseThrow();
        assertThat(failed.path("status").asString()).isEqualTo("FAILED");
        assertThat(failed.path("attempts")).hasSize(8);
        assertThat(failed.path("attempts").get(0).path("status").asInt()).isEqualTo(500);

        partner.http().post().uri("/api/subscriptions/{id}/deliveries/{d}/redeliver", id, failed.path("id").asString())
                .exchange().expectStatus().isAccepted();
        await().atMost(WAIT).until(() -> RECEIVER.at(sink).size() == 10);
        assertThat(RECEIVER.at(sink).get(9).headers().getFirst("webhook-id")).isEqualTo(failing.id());
        deliveries(partner, id, items -> items.stream().allMatch(d -> d.path("status").asString().equals("DELIVERED")));
    }

    @Test
    void retryAfterIsHonoured() {
        String sink = path("busy");
        RECEIVER.answer(sink, new WebhookReceiver.Answer(503, "1"));
        api.as(TestTokens.partner("org-" + UUID.randomUUID())).create("/api/subscriptions", subscription(RECEIVER.sink(sink)));
        events.project("p-" + UUID.randomUUID(), municipalityDepartment, "PUBLIC");

        List<WebhookReceiver.Received> received = await().atMost(WAIT).until(() -> RECEIVER.at(sink), r -> r.size() >= 2);
        assertThat(Duration.ofNanos(received.get(1).atNanos() - received.get(0).atNanos()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void goneDisablesTheSubscription() {
        String sink = path("gone");
        RECEIVER.answer(sink, new WebhookReceiver.Answer(410, null));
        Api partner = api.as(TestTokens.partner("org-" + UUID.randomUUID()));
        String id = partner.create("/api/subscriptions", subscription(RECEIVER.sink(sink)));
        String project = "p-" + UUID.randomUUID();
        events.project(project, municipalityDepartment, "PUBLIC");

        await().atMost(WAIT).until(() -> partner.get("/api/subscriptions/{id}", id).body().path("status").asString(),
                "DISABLED"::equals);
        events.status(project, "IDEA", "ONGOING");
        await().atMost(WAIT).until(() -> projects.project(project).map(p -> p.status()).orElse(""), "ONGOING"::equals);
        assertThat(RECEIVER.at(sink)).hasSize(1);
        assertThat(deliveries(partner, id, items -> true)).hasSize(1);
    }

    @Test
    void aNameThatResolvesInsideAfterRegistrationIsNotCalled() {
        String sink = path("rebound");
        // Registered while rebind.test resolved to a public address; now it resolves to loopback, not allowlisted.
        resolver.resolve("rebind.test", "127.0.0.1");
        String id = UUID.randomUUID().toString();
        Instant now = Instant.now();
        subscriptionStore.insert(new Subscription(id, 1, "org-rebind", "partner", "Partner", Role.PARTNER,
                "http://rebind.test:" + RECEIVER.port() + sink, "HTTP", List.of(), List.of(), ProjectCriteria.ANY,
                SubscriptionStatus.ACTIVE, null, "whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
                null, null, now, now));
        events.project("p-" + UUID.randomUUID(), municipalityDepartment, "PUBLIC");

        List<JsonNode> log = deliveries(api, id, items -> !items.isEmpty() && items.get(0).path("attempts").size() > 0);
        assertThat(log.get(0).path("attempts").get(0).path("error").asString()).contains("loopback", "127.0.0.1");
        assertThat(RECEIVER.at(sink)).isEmpty();
    }

    @Test
    void criteriaAPersonUnderstandsChooseTheProjects() {
        String norwegian = events.organisation("NO");
        String sink = path("norway");
        api.as(TestTokens.partner("org-" + UUID.randomUUID())).create("/api/subscriptions", subscription(
                RECEIVER.sink(sink), "projects", Map.of("countries", List.of("NO"), "growthAreas", List.of("TOURISM")),
                "filters", List.of(Map.of("not", Map.of("exact", Map.of("type", "se.samverka.project.fundingLineAdded"))))));
        String withNorway = "p-" + UUID.randomUUID();
        String without = "p-" + UUID.randomUUID();
        await().atMost(WAIT).until(() -> directory.remembering().countries(List.of(norwegian)),
                countries -> countries.contains("NO"));
        events.project(without, municipalityDepartment, "COUNTY");
        events.status(without, "IDEA", "ONGOING");
        events.project(withNorway, municipalityDepartment, "COUNTY");
        EventEnvelope partnerAdded = events.partner(withNorway, norwegian);
        events.funding(withNorway, "INTERREG_AURORA", false);
        EventEnvelope status = events.status(withNorway, "IDEA", "ONGOING");

        await().atMost(WAIT).until(() -> RECEIVER.at(sink).size() >= 2);
        await().atMost(WAIT).until(() -> projects.project(without).map(p -> p.status()).orElse(""), "ONGOING"::equals);
        assertThat(RECEIVER.at(sink)).extracting(r -> r.headers().getFirst("webhook-id"))
                .containsExactly(partnerAdded.id(), status.id());
    }

    @Test
    void aPartnerSeesTheIdsOfOnlyThePartnershipsItMayRead() {
        String shared = events.partnership("COUNTY", municipalityDepartment);
        String internal = events.partnership("INTERNAL", municipalityDepartment);
        String unknown = "ps-" + UUID.randomUUID();
        String sink = path("partnerships");
        api.as(TestTokens.partner("org-" + UUID.randomUUID())).create("/api/subscriptions",
                subscription(RECEIVER.sink(sink)));
        await().atMost(WAIT).until(() -> directory.remembering().partnerships(List.of(shared, internal, unknown))
                .keySet(), known -> known.containsAll(List.of(shared, internal)));
        String project = "p-" + UUID.randomUUID();
        EventEnvelope registered = events.project(project, municipalityDepartment, "COUNTY",
                List.of(internal, shared, unknown));
        EventEnvelope status = events.status(project, "IDEA", "ONGOING");

        List<WebhookReceiver.Received> received = await().atMost(WAIT).until(() -> RECEIVER.at(sink),
                r -> r.size() >= 2);
        assertThat(received).extracting(r -> r.headers().getFirst("webhook-id"))
                .containsExactly(registered.id(), status.id());
        JsonNode data = JSON.readTree(received.get(0).body()).path("data");
        assertThat(data.path("partnershipIds").valueStream().map(JsonNode::asString)).containsExactly(shared);
        assertThat(received.get(0).body()).doesNotContain(internal, unknown);
    }

    @Test
    void deliveriesPlannedAgainAreStoredOnceBesideTheNewOnes() {
        // A batch recorded again (its views were not stored before a crash) plans what it had stored, and more.
        String subscription = "s-" + UUID.randomUUID();
        Delivery first = delivered(subscription, "e-1");
        assertThat(deliveryStore.insertAllIfAbsent(List.of(first))).isTrue();
        assertThat(deliveryStore.insertAllIfAbsent(List.of(delivered(subscription, "e-1"),
                delivered(subscription, "e-2"), delivered(subscription, "e-3")))).isTrue();
        assertThat(deliveryStore.insertAllIfAbsent(List.of(delivered(subscription, "e-2")))).isFalse();
        assertThat(deliveryStore.insertAllIfAbsent(List.of())).isFalse();

        List<Delivery> stored = mongo.find(Query.query(Criteria.where("subscriptionId").is(subscription)),
                Delivery.class);
        assertThat(stored).extracting(Delivery::eventId).containsExactlyInAnyOrder("e-1", "e-2", "e-3");
        assertThat(stored).extracting(Delivery::id).contains(first.id());
    }

    /** A delivery already made, which the sender leaves alone. */
    private static Delivery delivered(String subscriptionId, String eventId) {
        Instant now = Instant.now();
        return new Delivery(UUID.randomUUID().toString(), subscriptionId, eventId, "se.samverka.project.registered",
                "p-1", 1, now, "{}", DeliveryStatus.DELIVERED, List.of(), 1, false, null, null, now, now, null);
    }
}
