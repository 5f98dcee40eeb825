package se.samverka.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static se.samverka.project.contracts.TestEvents.projectRegistered;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Topics;
import se.samverka.platform.messaging.MessagingTestApplication.ProjectSummary;
import se.samverka.platform.messaging.MessagingTestApplication.ProjectTitle;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;
import se.samverka.platform.messaging.consumer.ReadModelReconciliation;
import se.samverka.platform.messaging.kafka.DeadLetterPolicy;
import se.samverka.platform.test.ConsumerMeters;
import se.samverka.platform.test.IntegrationTest;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.platform.test.KafkaTopicReader;
import se.samverka.project.contracts.ProjectContracts;

/** A read model fed from a real topic: sequence guard, poison records, failures, unknown types, trace context. */
@IntegrationTest
class EventConsumptionIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SUMMARIES = "projectSummaryEvents-in-0";

    @Autowired
    ProjectionStore<ProjectTitle> titles;
    @Autowired
    ProjectionStore<ProjectSummary> summaries;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MongoOperations mongo;
    @Autowired
    ReadModelReconciliation reconciliation;
    @Autowired
    BindingsLifecycleController bindings;
    @Value("${samverka.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${spring.cloud.stream.default.group}")
    String group;

    private KafkaRecordWriter writer;

    @BeforeEach
    void connect() {
        writer = new KafkaRecordWriter(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        writer.close();
    }

    @Test
    void appliesEachEventOnceInSequenceAndCountsDuplicates() {
        String id = UUID.randomUUID().toString();
        double duplicatesBefore = counter("samverka.events.duplicates");
        EventEnvelope first = event(id, 1, "Mittnorden");
        EventEnvelope second = event(id, 2, "Mittnorden 2");

        writer.send(ProjectContracts.PROJECTS, first);
        writer.send(ProjectContracts.PROJECTS, first);
        writer.send(ProjectContracts.PROJECTS, second);
        writer.send(ProjectContracts.PROJECTS, first);

        await().atMost(WAIT).until(() -> counter("samverka.events.duplicates") >= duplicatesBefore + 2);
        assertThat(titles.find(id)).map(ProjectTitle::title).contains("Mittnorden 2");
        assertThat(counter("samverka.events.duplicates")).isEqualTo(duplicatesBefore + 2);
    }

    @Test
    void aGapIsReportedAndNotApplied() {
        String id = UUID.randomUUID().toString();
        double gapsBefore = counter("samverka.events.gaps");

        writer.send(ProjectContracts.PROJECTS, event(id, 1, "Trondheim"));
        writer.send(ProjectContracts.PROJECTS, event(id, 3, "Trondheim after a lost event"));

        await().atMost(WAIT).until(() -> counter("samverka.events.gaps") >= gapsBefore + 1);
        assertThat(titles.find(id)).map(ProjectTitle::title).contains("Trondheim");
    }

    @Test
    void aBatchIsAppliedInSequenceInOneWriteAndItsGapsComeBack() {
        ProjectionStore<ProjectTitle> batch = new ProjectionStores(mongo, meters)
                .create("batch_titles_" + UUID.randomUUID().toString().substring(0, 8), ProjectTitle.class);
        String known = UUID.randomUUID().toString();
        String fresh = UUID.randomUUID().toString();
        batch.apply(event(known, 1, "Kajaani"), current -> new ProjectTitle("Kajaani", "IDEA", null));
        List<EventEnvelope> events = List.of(event(fresh, 1, "Sanok"), event(known, 1, "Kajaani again"),
                event(known, 2, "Kajaani 2"), event(fresh, 3, "Sanok after a lost event"), event(known, 3, "Kajaani 3"),
                event(fresh, 2, "Sanok 2"));

        List<MissingEventsException> missing = batch.applyAll(events, event -> current ->
                new ProjectTitle(current.map(ProjectTitle::title).orElse("") + "|" + event.sequence(), "IDEA", null));

        assertThat(missing).extracting(gap -> gap.event().aggregateId(), MissingEventsException::expectedSequence)
                .containsExactly(tuple(fresh, 2L));
        assertThat(batch.find(known)).map(ProjectTitle::title).contains("Kajaani|2|3");
        assertThat(batch.find(fresh)).map(ProjectTitle::title).contains("|1|2");
        assertThat(batch.sequences()).containsEntry(known, 3L).containsEntry(fresh, 2L);
    }

    @Test
    void aGapWhoseEventsAreInTheLogIsFilledFromIt() {
        String id = UUID.randomUUID().toString();
        writer.send(ProjectContracts.PROJECTS, event(id, 1, "Kajaani"));
        writer.send(ProjectContracts.PROJECTS, event(id, 2, "Kajaani 2"));
        await().atMost(WAIT).until(() -> summaries.find(id).map(ProjectSummary::eventsSeen).orElse(0) == 2);
        double filledBefore = consumerCounter("samverka.events.gaps.filled");

        loseTheLastWrite(id, new ProjectSummary("Kajaani", 1));
        writer.send(ProjectContracts.PROJECTS, event(id, 3, "Kajaani 3"));

        await().atMost(WAIT).until(() -> summaries.find(id).map(ProjectSummary::eventsSeen).orElse(0) == 3);
        assertThat(summaries.find(id)).map(ProjectSummary::title).contains("Kajaani 3");
        assertThat(consumerCounter("samverka.events.gaps.filled")).isEqualTo(filledBefore + 1);
    }

    @Test
    void whatOnePollBringsIsAppliedTogetherAndEachEventIsStillHeldToItsSequence() {
        String healed = UUID.randomUUID().toString();
        String twice = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        writer.send(ProjectContracts.PROJECTS, event(healed, 1, "Harstad"));
        writer.send(ProjectContracts.PROJECTS, event(healed, 2, "Harstad 2"));
        await().atMost(WAIT).until(() -> summaries.find(healed).map(ProjectSummary::eventsSeen).orElse(0) == 2);
        loseTheLastWrite(healed, new ProjectSummary("Harstad", 1));
        double filledBefore = consumerCounter("samverka.events.gaps.filled");
        double duplicatesBefore = summaryCounter("samverka.events.duplicates");
        double splitBefore = consumerCounter("samverka.events.batches.split");

        // Stopped, the consumer finds the records waiting when it starts, and takes them in one poll.
        bindings.stop(SUMMARIES);
        try {
            writer.send(ProjectContracts.PROJECTS, event(healed, 3, "Harstad 3"));
            writer.send(ProjectContracts.PROJECTS, event(twice, 1, "Narvik"));
            writer.send(ProjectContracts.PROJECTS, event(twice, 2, "Narvik 2"));
            writer.send(ProjectContracts.PROJECTS, event(twice, 1, "Narvik"));
            // The poison and the good event after it share a key, so a partition, so the poll.
            writer.send(ProjectContracts.PROJECTS, after, Map.of("content-type", "application/json"), "{}");
            writer.send(ProjectContracts.PROJECTS, event(after, 1, "Bodø"));
        } finally {
            bindings.start(SUMMARIES);
        }

        await().atMost(WAIT).until(() -> summaries.find(after).isPresent()
                && summaries.find(healed).map(ProjectSummary::eventsSeen).orElse(0) == 3
                && summaries.find(twice).map(ProjectSummary::eventsSeen).orElse(0) == 2);
        assertThat(summaries.find(healed)).contains(new ProjectSummary("Harstad 3", 3));
        assertThat(summaries.find(twice)).contains(new ProjectSummary("Narvik 2", 2));
        assertThat(consumerCounter("samverka.events.gaps.filled")).isEqualTo(filledBefore + 1);
        assertThat(summaryCounter("samverka.events.duplicates")).isEqualTo(duplicatesBefore + 1);
        assertThat(ConsumerMeters.largestBatch(meters, "project-summaries")).isGreaterThanOrEqualTo(4);
        assertThat(consumerCounter("samverka.events.batches.split")).isEqualTo(splitBefore);
        String deadLetters = Topics.deadLetter(ProjectContracts.PROJECTS, group + "-summaries");
        await().atMost(WAIT).until(() -> new KafkaTopicReader(bootstrapServers).readAll(deadLetters).stream()
                .anyMatch(record -> after.equals(record.key())));
        assertThat(new KafkaTopicReader(bootstrapServers).readAll(deadLetters))
                .filteredOn(record -> after.equals(record.key())).as("only the poison is parked, not the event after it")
                .singleElement().extracting(KafkaTopicReader.Record::value).isEqualTo("{}");
    }

    @Test
    void theReconciliationRepairsAReadModelThatLostItsWriteOfTheLastEvent() {
        String id = UUID.randomUUID().toString();
        writer.send(ProjectContracts.PROJECTS, event(id, 1, "Odense"));
        writer.send(ProjectContracts.PROJECTS, event(id, 2, "Odense 2"));
        await().atMost(WAIT).until(() -> summaries.find(id).map(ProjectSummary::eventsSeen).orElse(0) == 2);

        loseTheLastWrite(id, new ProjectSummary("Odense", 1));
        assertThat(summaries.find(id)).map(ProjectSummary::eventsSeen).contains(1);

        // No later event reveals the loss; the reconciliation does, once the group's offsets are committed.
        await().atMost(WAIT).until(() -> reconciliation.reconcile().stream()
                .filter(finding -> finding.readModel().equals("project-summaries"))
                .anyMatch(finding -> finding.repaired() > 0)
                && summaries.find(id).map(ProjectSummary::eventsSeen).orElse(0) == 2);
        assertThat(summaries.find(id)).map(ProjectSummary::title).contains("Odense 2");
        assertThat(reconciliation.reconcile()).filteredOn(finding -> finding.readModel().equals("project-summaries"))
                .singleElement().satisfies(finding -> assertThat(finding.repaired()).isZero());
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerMovesOn() {
        String poisonKey = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        Map<String, String> notACloudEvent = new HashMap<>(Map.of("content-type", "application/json"));

        writer.send(ProjectContracts.PROJECTS, poisonKey, notACloudEvent, "{\"garbage\":true}");
        writer.send(ProjectContracts.PROJECTS, next, headersWithout(event(poisonKey, 1, "x"), "ce_id"), "{}");
        writer.send(ProjectContracts.PROJECTS, event(next, 1, "Vasa"));

        await().atMost(WAIT).until(() -> titles.find(next).isPresent());
        String deadLetters = Topics.deadLetter(ProjectContracts.PROJECTS, group);
        await().atMost(WAIT).until(() -> new KafkaTopicReader(bootstrapServers).readAll(deadLetters).stream()
                .filter(record -> poisonKey.equals(record.key()) || next.equals(record.key())).count() == 2);
        KafkaTopicReader.Record parked = new KafkaTopicReader(bootstrapServers).readAll(deadLetters).stream()
                .filter(record -> poisonKey.equals(record.key())).findFirst().orElseThrow();
        assertThat(parked.value()).isEqualTo("{\"garbage\":true}");
        assertThat(parked.headers()).containsEntry("kafka_dlt-original-topic", ProjectContracts.PROJECTS)
                .hasEntrySatisfying(DeadLetterPolicy.REASON_HEADER, reason -> assertThat(reason).contains("ce_specversion"));
    }

    @Test
    void dataThatBreaksItsContractIsPoisonToo() {
        String id = UUID.randomUUID().toString();
        EventEnvelope broken = new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                ProjectContracts.PROJECT_REGISTERED.type(), id, OffsetDateTime.now(), 1, null, null, "{\"title\":\"no id\"}");

        writer.send(ProjectContracts.PROJECTS, broken);
        writer.send(ProjectContracts.PROJECTS, event(id, 1, "Sundsvall"));

        await().atMost(WAIT).until(() -> titles.find(id).isPresent());
        assertThat(titles.find(id)).map(ProjectTitle::title).contains("Sundsvall");
    }

    @Test
    void aHandlerThatKeepsFailingIsRetriedThenDeadLettered() {
        String failing = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        double parkedBefore = deadLettered();

        writer.send(ProjectContracts.PROJECTS, event(failing, 1, "FAIL every time"));
        writer.send(ProjectContracts.PROJECTS, event(after, 1, "Alfred Nzo"));

        await().atMost(WAIT).until(() -> deadLettered() > parkedBefore);
        await().atMost(WAIT).until(() -> titles.find(after).isPresent());
        assertThat(titles.find(failing)).isEmpty();
    }

    @Test
    void unknownEventTypesAreSkippedAndCounted() {
        String id = UUID.randomUUID().toString();
        EventEnvelope future = new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                "se.samverka.project.teleported", id, OffsetDateTime.now(), 1, null, null, "{}");

        writer.send(ProjectContracts.PROJECTS, future);
        writer.send(ProjectContracts.PROJECTS, event(id, 1, "Selenge"));

        await().atMost(WAIT).until(() -> titles.find(id).isPresent());
        assertThat(meters.get("samverka.events.unknown").tag("type", "se.samverka.project.teleported").counter().count())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void aProjectionAppliesEveryEventInSequenceAlsoThoseItIgnores() {
        String id = UUID.randomUUID().toString();
        double gapsBefore = summaryGaps();

        writer.send(ProjectContracts.PROJECTS, event(id, 1, "Vinterstaden"));
        writer.send(ProjectContracts.PROJECTS, new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                "se.samverka.project.renamedInTheFuture", id, OffsetDateTime.now(), 2, null, null, "{}"));
        writer.send(ProjectContracts.PROJECTS, event(id, 3, "Vinterstaden 2"));

        await().atMost(WAIT).until(() -> summaries.find(id).map(ProjectSummary::eventsSeen).orElse(0) == 3);
        assertThat(summaries.find(id)).map(ProjectSummary::title).contains("Vinterstaden 2");
        assertThat(summaryGaps()).isEqualTo(gapsBefore);
    }

    @Test
    void theHandlerRunsInTheTraceTheEventCarries() {
        String id = UUID.randomUUID().toString();
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EventEnvelope traced = new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                ProjectContracts.PROJECT_REGISTERED.type(), id, OffsetDateTime.now(), 1, null,
                "00-" + traceId + "-00f067aa0ba902b7-01", data(id, "Jilin"));

        writer.send(ProjectContracts.PROJECTS, traced);

        await().atMost(WAIT).until(() -> titles.find(id).isPresent());
        assertThat(titles.find(id)).map(ProjectTitle::traceId).isEqualTo(Optional.of(traceId));
    }

    private double counter(String name) {
        return meters.get(name).tag("projection", titles.collection()).counter().count();
    }

    /** What a crash of a store that answered before its write was on disk would leave: the view one event back. */
    private void loseTheLastWrite(String id, ProjectSummary before) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)),
                new Update().set("sequence", (long) before.eventsSeen()).set("view.title", before.title())
                        .set("view.eventsSeen", before.eventsSeen()), summaries.collection());
    }

    private double consumerCounter(String name) {
        return ConsumerMeters.count(meters, name, "project-summaries");
    }

    private double summaryGaps() {
        return summaryCounter("samverka.events.gaps");
    }

    private double summaryCounter(String name) {
        return meters.get(name).tag("projection", summaries.collection()).counter().count();
    }

    private double deadLettered() {
        var counter = meters.find("samverka.events.dead.lettered").tag("topic", ProjectContracts.PROJECTS).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> headersWithout(EventEnvelope event, String header) {
        Map<String, String> headers = new HashMap<>(CloudEventsKafkaBinding.headers(event));
        headers.remove(header);
        return headers;
    }

    private static EventEnvelope event(String id, long sequence, String title) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                ProjectContracts.PROJECT_REGISTERED.type(), id, OffsetDateTime.now(), sequence,
                ProjectContracts.PROJECT_REGISTERED.dataSchema(), null, data(id, title));
    }

    private static String data(String id, String title) {
        return EventCodec.toJson(projectRegistered(id, null, title, "owner-1", "IDEA", "INTERNAL", null));
    }
}
