package se.samverka.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static se.samverka.project.contracts.TestEvents.projectRegistered;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.MessagingTestApplication.Project;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.AggregateStores;
import se.samverka.platform.messaging.outbox.EventPublisher;
import se.samverka.platform.messaging.outbox.EventRecorder;
import se.samverka.platform.messaging.outbox.OutboxRelay;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.test.IntegrationTest;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectRegistered;

@IntegrationTest
class OutboxRelayIT {

    @Autowired
    AggregateStore<Project> projects;
    @Autowired
    MongoOperations mongo;
    @Autowired
    EventRecorder recorder;
    @Autowired
    EventPublisher publisher;
    @Value("${samverka.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Test
    void aStoredChangeReachesKafkaAsACloudEventAndLeavesTheOutbox() {
        String id = UUID.randomUUID().toString();

        projects.create(id, new Project("Vänortsutbyte Sanok", "IDEA"), registered(id, "Vänortsutbyte Sanok"));

        KafkaTopicReader.Record record = await().atMost(Duration.ofSeconds(10)).until(
                () -> reader().readAll(ProjectContracts.PROJECTS).stream().filter(r -> id.equals(r.key())).findFirst(),
                found -> found.isPresent()).orElseThrow();
        assertThat(record.headers())
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/messaging-test")
                .containsEntry("ce_type", "se.samverka.project.registered")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_partitionkey", id)
                .containsEntry("ce_sequence", "0000000001")
                .containsEntry("ce_dataschema", ProjectContracts.PROJECT_REGISTERED.dataSchema())
                .containsEntry("content-type", "application/json")
                .containsKeys("ce_id", "ce_time");
        assertThat(record.headers()).doesNotContainKeys("spring_json_header_types", "contentType");
        assertThat(record.value()).contains("\"title\":\"Vänortsutbyte Sanok\"");
        await().atMost(Duration.ofSeconds(10)).until(() -> pendingEvents("projects", id).isEmpty());
    }

    @Test
    void everyChangeRaisesTheVersionAndItsEventCarriesItAsSequence() {
        String id = UUID.randomUUID().toString();
        Versioned<Project> created = projects.create(id, new Project("A", "IDEA"), registered(id, "A"));

        Versioned<Project> updated = projects.update(created, new Project("B", "PRE_STUDY"), registered(id, "B"));

        assertThat(updated.version()).isEqualTo(2);
        assertThat(projects.find(id)).contains(new Versioned<>(id, 2, new Project("B", "PRE_STUDY")));
        await().atMost(Duration.ofSeconds(10)).until(() -> reader().eventsOf(ProjectContracts.PROJECTS, id).size() == 2);
        assertThat(reader().eventsOf(ProjectContracts.PROJECTS, id)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aChangeAnnouncedByTwoEventsRaisesTheVersionByTwo() {
        String id = UUID.randomUUID().toString();
        Versioned<Project> created = projects.create(id, new Project("A", "IDEA"), registered(id, "A"));

        Versioned<Project> updated = projects.update(created, new Project("B", "IDEA"), registered(id, "B"),
                registered(id, "B again"));

        assertThat(updated.version()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> reader().eventsOf(ProjectContracts.PROJECTS, id).size() == 3);
        assertThat(reader().eventsOf(ProjectContracts.PROJECTS, id)).extracting(EventEnvelope::sequence)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void aStaleUpdateIsRefusedAndWritesNothing() {
        String id = UUID.randomUUID().toString();
        Versioned<Project> created = projects.create(id, new Project("A", "IDEA"), registered(id, "A"));
        projects.update(created, new Project("B", "IDEA"), registered(id, "B"));

        assertThatThrownBy(() -> projects.update(created, new Project("C", "IDEA"), registered(id, "C")))
                .isInstanceOf(OptimisticLockingFailureException.class);

        assertThat(projects.find(id).orElseThrow().state().title()).isEqualTo("B");
        await().atMost(Duration.ofSeconds(10)).until(() -> reader().eventsOf(ProjectContracts.PROJECTS, id).size() == 2);
        assertThat(reader().eventsOf(ProjectContracts.PROJECTS, id)).extracting(EventEnvelope::data)
                .noneMatch(data -> data.contains("\"title\":\"C\""));
    }

    @Test
    void aRelayKilledBetweenPublishingAndClearingLosesNothing() {
        // A collection of its own, unknown to the application's relay, so that only the relays below touch it.
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("crash_" + shortId(), Project.class);
        String id = UUID.randomUUID().toString();
        store.create(id, new Project("Kajaani", "IDEA"), registered(id, "Kajaani"));

        EventPublisher dyingAfterPublish = (topic, event) -> {
            publisher.publish(topic, event).join();
            throw new ProcessKilled();
        };
        OutboxRelay first = relay(isolated, dyingAfterPublish, Duration.ofSeconds(2));
        assertThatThrownBy(first::relayPending).isInstanceOf(ProcessKilled.class);

        assertThat(reader().eventsOf(ProjectContracts.PROJECTS, id)).hasSize(1);
        assertThat(pendingEvents(store.collection(), id)).hasSize(1);

        OutboxRelay restarted = relay(isolated, publisher, Duration.ofSeconds(2));
        assertThat(restarted.relayPending()).as("the dead relay's lease still holds").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> restarted.relayPending() == 1);

        assertThat(pendingEvents(store.collection(), id)).isEmpty();
        List<EventEnvelope> delivered = reader().eventsOf(ProjectContracts.PROJECTS, id);
        assertThat(delivered).hasSize(2).extracting(EventEnvelope::id).containsOnly(delivered.get(0).id());
    }

    @Test
    void anEventTheBrokerDidNotAcknowledgeStaysPendingAndIsPublishedLater() {
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("unacknowledged_" + shortId(), Project.class);
        String id = UUID.randomUUID().toString();
        Versioned<Project> created = store.create(id, new Project("Odense", "IDEA"), registered(id, "Odense"));
        store.update(created, new Project("Odense", "PRE_STUDY"), registered(id, "Odense"));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OutboxRelay failing = new OutboxRelay(mongo, isolated, (topic, event) -> {
            throw new IllegalStateException("broker unreachable");
        }, Clock.systemUTC(), settings(Duration.ZERO), meters);

        assertThat(failing.relayPending()).isZero();

        assertThat(pendingEvents(store.collection(), id)).hasSize(2);
        assertThat(meters.get("samverka.outbox.publish.failures").counter().count()).isEqualTo(1);
        assertThat(meters.get("samverka.outbox.pending").gauge().value()).isEqualTo(2);
        assertThat(relay(isolated, publisher, Duration.ZERO).relayPending()).isEqualTo(2);
        assertThat(reader().eventsOf(ProjectContracts.PROJECTS, id)).extracting(EventEnvelope::sequence).containsExactly(1L, 2L);
    }

    @Test
    void aRunningRelayPublishesWhatItIsToldOfWithoutReadingTheCollection() {
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("told_" + shortId(), Project.class);
        OutboxRelay relay = new OutboxRelay(mongo, isolated, publisher, Clock.systemUTC(),
                new OutboxRelay.Settings("/messaging-test", Duration.ofMillis(100), Duration.ofHours(1),
                        Duration.ofSeconds(2), 100, Duration.ofSeconds(8)), new SimpleMeterRegistry());
        isolated.onEventRecorded(relay::wake);
        relay.start();
        try {
            String first = UUID.randomUUID().toString();
            store.create(first, new Project("Kajaani", "IDEA"), registered(first, "Kajaani"));
            await().atMost(Duration.ofSeconds(10)).until(() -> pendingEvents(store.collection(), first).isEmpty());
            // Its first pass, a sweep at its start, is over by now; the next sweep would be in an hour.
            String id = UUID.randomUUID().toString();
            store.create(id, new Project("Sanok", "IDEA"), registered(id, "Sanok"));

            await().atMost(Duration.ofSeconds(10)).until(() -> pendingEvents(store.collection(), id).isEmpty());
            assertThat(reader().eventsOf(ProjectContracts.PROJECTS, id)).extracting(EventEnvelope::sequence)
                    .containsExactly(1L);
        } finally {
            relay.stop();
        }
    }

    @Test
    void aBacklogNoStoreToldOfIsSweptABatchAfterAnotherNotABatchPerInterval() {
        // As a crash leaves it: events stored and acknowledged, no relay told of them.
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("backlog_" + shortId(), Project.class);
        List<String> ids = registeredUntold(store, 23);
        OutboxRelay relay = sweepingByFives(isolated);
        relay.start();
        try {
            // Five batches of five, the next sweep an hour away: only sweeping again at once empties it.
            await().atMost(Duration.ofSeconds(20)).until(() -> !hasPending(store.collection()));
            assertThat(firstOccurrences(ids)).hasSize(ids.size()).allSatisfy((id, sequences) ->
                    assertThat(sequences).as(id).containsExactly(1L));
        } finally {
            relay.stop();
        }
    }

    @Test
    void aSweepPassesByWhatAnotherInstanceHoldsAndPublishesTheRest() {
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("held_" + shortId(), Project.class);
        List<String> registered = registeredUntold(store, 16);
        List<String> held = registered.subList(0, 8);
        List<String> free = registered.subList(8, 16);
        // The first ones, as a sweep reads them, leased by an instance that died mid-pass, for an hour.
        mongo.getCollection(store.collection()).updateMany(new Document("_id", new Document("$in", held)),
                new Document("$set", new Document("outboxLeaseUntil", Date.from(Instant.now().plus(Duration.ofHours(1))))
                        .append("outboxLeaseOwner", "an instance that died")));
        OutboxRelay relay = sweepingByFives(isolated);
        relay.start();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> free.stream().allMatch(id -> pendingEvents(store.collection(), id).isEmpty()));
            assertThat(firstOccurrences(free)).hasSize(free.size());
            held.forEach(id -> assertThat(pendingEvents(store.collection(), id)).as(id).hasSize(1));
        } finally {
            relay.stop();
        }
    }

    @Test
    void onePassPublishesAWholeBatchOfAggregatesEachInOrder() {
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("batch_" + shortId(), Project.class);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            Versioned<Project> current = store.create(id, new Project("v1", "IDEA"), registered(id, "v1"));
            store.update(current, new Project("v2", "IDEA"), registered(id, "v2"), registered(id, "v3"));
        }

        assertThat(relay(isolated, publisher, Duration.ofSeconds(2)).relayPending()).isEqualTo(120);

        Map<String, List<Long>> sequences = new LinkedHashMap<>();
        for (KafkaTopicReader.Record record : reader().readAll(ProjectContracts.PROJECTS)) {
            if (ids.contains(record.key())) {
                sequences.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.event().sequence());
            }
        }
        assertThat(sequences).hasSize(ids.size()).allSatisfy((id, published) ->
                assertThat(published).as(id).containsExactly(1L, 2L, 3L));
        ids.forEach(id -> assertThat(pendingEvents(store.collection(), id)).isEmpty());
    }

    @Test
    void whatFollowsAnUnacknowledgedEventStaysPendingWithIt() {
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("partly_" + shortId(), Project.class);
        String id = UUID.randomUUID().toString();
        Versioned<Project> created = store.create(id, new Project("Sanok", "IDEA"), registered(id, "Sanok"));
        store.update(created, new Project("Sanok", "IDEA"), registered(id, "refused"), registered(id, "after"));
        EventPublisher refusingTheSecond = (topic, event) -> event.sequence() == 2
                ? CompletableFuture.failedFuture(new IllegalStateException("not acknowledged"))
                : publisher.publish(topic, event);

        assertThat(relay(isolated, refusingTheSecond, Duration.ZERO).relayPending()).isEqualTo(1);

        assertThat(pendingEvents(store.collection(), id)).extracting(entry -> entry.get("sequence"))
                .containsExactly(2L, 3L);
        assertThat(relay(isolated, publisher, Duration.ZERO).relayPending()).isEqualTo(2);
        assertThat(firstOccurrences(List.of(id))).containsEntry(id, List.of(1L, 2L, 3L));
        assertThat(pendingEvents(store.collection(), id)).isEmpty();
    }

    @Test
    void aRelayWhoseLeaseRanOutClearsWhatItPublishedAndLeavesTheNewHolderItsLease() {
        AggregateStores isolated = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = isolated.create("overtaken_" + shortId(), Project.class);
        String overtaken = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        store.create(overtaken, new Project("Kajaani", "IDEA"), registered(overtaken, "Kajaani"));
        store.create(kept, new Project("Sanok", "IDEA"), registered(kept, "Sanok"));
        Document otherHolder = new Document("outboxLeaseOwner", "another instance");
        // While this relay publishes, its lease on one aggregate runs out and another instance takes it.
        EventPublisher overtakenWhilePublishing = (topic, event) -> {
            if (event.aggregateId().equals(overtaken)) {
                mongo.getCollection(store.collection()).updateOne(new Document("_id", overtaken),
                        new Document("$set", otherHolder));
            }
            return publisher.publish(topic, event);
        };

        assertThat(relay(isolated, overtakenWhilePublishing, Duration.ofSeconds(2)).relayPending()).isEqualTo(2);

        for (String id : List.of(overtaken, kept)) {
            assertThat(pendingEvents(store.collection(), id)).as(id).isEmpty();
        }
        assertThat(mongo.findById(overtaken, Document.class, store.collection()))
                .containsEntry("outboxLeaseOwner", "another instance");
        assertThat(mongo.findById(kept, Document.class, store.collection()))
                .doesNotContainKeys("outboxLeaseOwner", "outboxLeaseUntil");
    }

    @Test
    void twoInstancesRelayingAtOnceDeliverEveryEventInOrderPerAggregate() throws Exception {
        AggregateStores shared = new AggregateStores(mongo, recorder);
        AggregateStore<Project> store = shared.create("scaled_" + shortId(), Project.class);
        OutboxRelay one = relay(shared, publisher, Duration.ofSeconds(2));
        OutboxRelay other = relay(shared, publisher, Duration.ofSeconds(2));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        int changesPerAggregate = 12;

        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService threads = Executors.newFixedThreadPool(3);
        try {
            Future<?> relayOne = threads.submit(() -> relayUntilDone(one, writing, store));
            Future<?> relayOther = threads.submit(() -> relayUntilDone(other, writing, store));
            threads.submit(() -> {
                for (String id : ids) {
                    Versioned<Project> current = store.create(id, new Project("v1", "IDEA"), registered(id, "v1"));
                    for (int version = 2; version <= changesPerAggregate; version++) {
                        current = store.update(current, new Project("v" + version, "IDEA"), registered(id, "v" + version));
                    }
                }
                writing.set(false);
                return null;
            }).get();
            relayOne.get();
            relayOther.get();
        } finally {
            threads.shutdownNow();
        }

        Map<String, List<Long>> firstOccurrences = firstOccurrences(ids);
        List<Long> expected = new ArrayList<>();
        for (long sequence = 1; sequence <= changesPerAggregate; sequence++) {
            expected.add(sequence);
        }
        assertThat(firstOccurrences).hasSize(ids.size());
        firstOccurrences.forEach((id, sequences) -> assertThat(sequences).as(id).isEqualTo(expected));
        ids.forEach(id -> assertThat(pendingEvents(store.collection(), id)).isEmpty());
    }

    /** Each aggregate's sequences on the topic in the order they first came, duplicates left out. */
    private Map<String, List<Long>> firstOccurrences(List<String> ids) {
        Map<String, List<Long>> firstOccurrences = new LinkedHashMap<>();
        for (KafkaTopicReader.Record record : reader().readAll(ProjectContracts.PROJECTS)) {
            if (ids.contains(record.key())) {
                List<Long> seen = firstOccurrences.computeIfAbsent(record.key(), key -> new ArrayList<>());
                long sequence = record.event().sequence();
                if (!seen.contains(sequence)) {
                    seen.add(sequence);
                }
            }
        }
        return firstOccurrences;
    }

    private Void relayUntilDone(OutboxRelay relay, AtomicBoolean writing, AggregateStore<Project> store) {
        while (writing.get() || hasPending(store.collection())) {
            relay.relayPending();
        }
        return null;
    }

    /** Registrations in the order a sweep reads them, whose store told no relay of them: as a crash leaves them. */
    private static List<String> registeredUntold(AggregateStore<Project> store, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            store.create(id, new Project("Untold " + i, "IDEA"), registered(id, "Untold " + i));
        }
        return ids;
    }

    /** A relay that sweeps five aggregates at a time and sweeps again only in an hour, unless a sweep fills its batch. */
    private OutboxRelay sweepingByFives(AggregateStores stores) {
        return new OutboxRelay(mongo, stores, publisher, Clock.systemUTC(), new OutboxRelay.Settings("/messaging-test",
                Duration.ofMillis(100), Duration.ofHours(1), Duration.ofSeconds(2), 5, Duration.ofSeconds(8)),
                new SimpleMeterRegistry());
    }

    private boolean hasPending(String collection) {
        return mongo.getCollection(collection).countDocuments(new Document("outbox.0", new Document("$exists", true))) > 0;
    }

    private OutboxRelay relay(AggregateStores stores, EventPublisher eventPublisher, Duration lease) {
        return new OutboxRelay(mongo, stores, eventPublisher, Clock.systemUTC(), settings(lease), new SimpleMeterRegistry());
    }

    private static OutboxRelay.Settings settings(Duration lease) {
        return new OutboxRelay.Settings("/messaging-test", Duration.ofMillis(100), Duration.ofSeconds(1), lease, 100,
                Duration.ofSeconds(8));
    }

    @SuppressWarnings("unchecked")
    private List<Document> pendingEvents(String collection, String id) {
        Document document = mongo.findById(id, Document.class, collection);
        return document == null ? Collections.emptyList() : document.getList("outbox", Document.class);
    }

    private KafkaTopicReader reader() {
        return new KafkaTopicReader(bootstrapServers);
    }

    private static ProjectRegistered registered(String id, String title) {
        return projectRegistered(id, null, title, "owner-1", "IDEA", "INTERNAL", null);
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Stands for the process dying: nothing after the publish runs. */
    private static final class ProcessKilled extends Error {
    }
}
