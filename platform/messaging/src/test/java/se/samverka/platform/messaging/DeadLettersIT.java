package se.samverka.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;
import static se.samverka.project.contracts.TestEvents.projectRegistered;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Topics;
import se.samverka.platform.messaging.MessagingTestApplication.Breakdown;
import se.samverka.platform.messaging.MessagingTestApplication.ProjectSummary;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.deadletter.DeadLetter;
import se.samverka.platform.messaging.deadletter.DeadLetter.Status;
import se.samverka.platform.messaging.deadletter.DeadLetters;
import se.samverka.platform.messaging.deadletter.DeadLetters.Refusal;
import se.samverka.platform.test.IntegrationTest;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.project.contracts.ProjectContracts;

/**
 * Dead letters an operator fixes: a record a read model's handler failed on (a bug, {@link Breakdown}) is parked,
 * replayed once the bug is fixed, or discarded with a reason; each decided once.
 */
@IntegrationTest
class DeadLettersIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    DeadLetters deadLetters;
    @Autowired
    Breakdown breakdown;
    @Autowired
    ProjectionStore<ProjectSummary> summaries;
    @Autowired
    MeterRegistry meters;
    @Value("${samverka.kafka.bootstrap-servers}")
    String bootstrapServers;
    @Value("${spring.cloud.stream.default.group}-summaries")
    String group;

    private KafkaRecordWriter writer;
    private final List<String> broken = new ArrayList<>();

    @BeforeEach
    void connect() {
        writer = new KafkaRecordWriter(bootstrapServers);
    }

    @AfterEach
    void repairAndDisconnect() {
        broken.forEach(breakdown.aggregates()::remove);
        writer.close();
    }

    @Test
    void aRecordParkedBecauseItsHandlerFailedIsAppliedWhenReplayedAfterTheFix() {
        String id = UUID.randomUUID().toString();
        EventEnvelope event = event(id, 1, "Tromsø");
        DeadLetter parked = parkedBecauseBroken(event);

        assertThat(parked.status()).isEqualTo(Status.OPEN);
        assertThat(parked.decision()).isNull();
        assertThat(parked.originalTopic()).isEqualTo(ProjectContracts.PROJECTS);
        assertThat(parked.originalOffset()).isNotNull();
        assertThat(parked.group()).isEqualTo(group);
        assertThat(parked.eventType()).isEqualTo(ProjectContracts.PROJECT_REGISTERED.type());
        assertThat(parked.eventId()).isEqualTo(event.id());
        assertThat(parked.reason()).contains("IllegalStateException", "is broken");
        assertThat(parked.headers()).isNull();
        DeadLetter whole = deadLetters.find(parked.deadLetterTopic(), parked.partition(), parked.offset());
        assertThat(whole.headers()).containsEntry("ce_id", event.id());
        assertThat(whole.payload()).contains("Tromsø");

        Refusal stillBroken = catchThrowableOfType(Refusal.class, () -> replay(parked));
        assertThat(stillBroken.why()).isEqualTo(Refusal.Why.FAILED_AGAIN);
        assertThat(stillBroken.getMessage()).contains("is broken");
        assertThat(deadLetters.find(parked.deadLetterTopic(), parked.partition(), parked.offset()).status())
                .as("a replay that failed leaves it open").isEqualTo(Status.OPEN);

        breakdown.aggregates().remove(id);
        DeadLetter replayed = replay(parked);

        assertThat(replayed.status()).isEqualTo(Status.REPLAYED);
        assertThat(replayed.decision().by()).isEqualTo("the operator");
        assertThat(replayed.decision().outcome()).isEqualTo("applied");
        assertThat(summaries.find(id)).contains(new ProjectSummary("Tromsø", 1));
        assertThat(catchThrowableOfType(Refusal.class, () -> replay(parked)).why()).isEqualTo(Refusal.Why.DECIDED);
        assertThat(deadLetters.list(true, 200)).extracting(DeadLetter::id).doesNotContain(parked.id());
        assertThat(deadLetters.list(false, 200)).filteredOn(letter -> letter.id().equals(parked.id()))
                .singleElement().extracting(DeadLetter::status).isEqualTo(Status.REPLAYED);
    }

    @Test
    void anEventTheLiveConsumerAppliedMeanwhileCountsAsReplayed() {
        String id = UUID.randomUUID().toString();
        DeadLetter parked = parkedBecauseBroken(event(id, 1, "Bergen"));
        breakdown.aggregates().remove(id);

        // The next event finds the first missing and re-reads it from the log, now that the handler takes it.
        writer.send(ProjectContracts.PROJECTS, event(id, 2, "Bergen 2"));
        await().atMost(WAIT).until(() -> summaries.find(id).map(ProjectSummary::eventsSeen).orElse(0) == 2);

        DeadLetter replayed = replay(parked);
        assertThat(replayed.status()).isEqualTo(Status.REPLAYED);
        assertThat(replayed.decision().outcome()).isEqualTo("already applied");
        assertThat(summaries.find(id)).contains(new ProjectSummary("Bergen 2", 2));
    }

    @Test
    void aDiscardNeedsAReasonAndRecordsIt() {
        DeadLetter parked = parkedBecauseBroken(event(UUID.randomUUID().toString(), 1, "Luleå"));
        deadLetters.count();
        double openBefore = open();
        assertThat(openBefore).isPositive();

        assertThat(catchThrowableOfType(Refusal.class, () -> discard(parked, " ")).why())
                .isEqualTo(Refusal.Why.REASON_MISSING);
        DeadLetter discarded = discard(parked, "A test event that never should have been sent");

        assertThat(discarded.status()).isEqualTo(Status.DISCARDED);
        assertThat(discarded.decision().by()).isEqualTo("the operator");
        assertThat(discarded.decision().reason()).isEqualTo("A test event that never should have been sent");
        assertThat(discarded.decision().at()).isNotNull();
        assertThat(open()).isEqualTo(openBefore - 1);
        deadLetters.count();
        assertThat(open()).as("counted again, it stays decided").isEqualTo(openBefore - 1);
        assertThat(catchThrowableOfType(Refusal.class, () -> replay(parked)).why()).isEqualTo(Refusal.Why.DECIDED);
        assertThat(catchThrowableOfType(Refusal.class, () -> discard(parked, "again")).why())
                .isEqualTo(Refusal.Why.DECIDED);
        assertThat(deadLetters.list(true, 200)).extracting(DeadLetter::id).doesNotContain(parked.id());
        assertThat(deadLetters.list(false, 200)).filteredOn(letter -> letter.id().equals(parked.id()))
                .singleElement().extracting(DeadLetter::status).isEqualTo(Status.DISCARDED);
    }

    @Test
    void ofTwoReplaysAtOnceOneAppliesAndTheOtherIsRefused() throws Exception {
        String id = UUID.randomUUID().toString();
        DeadLetter parked = parkedBecauseBroken(event(id, 1, "Oulu"));
        breakdown.aggregates().remove(id);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Object> replaying = () -> {
            start.await();
            try {
                return replay(parked);
            } catch (Refusal refusal) {
                return refusal.why();
            }
        };
        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            Future<Object> one = both.submit(replaying);
            Future<Object> other = both.submit(replaying);
            start.countDown();
            List<Object> outcomes = List.of(one.get(), other.get());

            assertThat(outcomes).filteredOn(DeadLetter.class::isInstance).singleElement()
                    .extracting(outcome -> ((DeadLetter) outcome).status()).isEqualTo(Status.REPLAYED);
            assertThat(outcomes).filteredOn(Refusal.Why.class::isInstance).singleElement()
                    .isIn(Refusal.Why.REPLAY_UNDER_WAY, Refusal.Why.DECIDED);
        } finally {
            both.shutdownNow();
        }
        assertThat(summaries.find(id)).contains(new ProjectSummary("Oulu", 1));
    }

    @Test
    void aRecordNotInThisServicesDeadLetterTopicsIsNotFound() {
        String elsewhere = Topics.deadLetter(ProjectContracts.PROJECTS, "another-service");
        assertThat(catchThrowableOfType(Refusal.class, () -> deadLetters.find(elsewhere, 0, 0)).why())
                .isEqualTo(Refusal.Why.NOT_FOUND);
        String ours = Topics.deadLetter(ProjectContracts.PROJECTS, group);
        assertThat(catchThrowableOfType(Refusal.class, () -> deadLetters.find(ours, 0, Long.MAX_VALUE - 1)).why())
                .isEqualTo(Refusal.Why.NOT_FOUND);
    }

    /** The event, sent while the summaries' handler fails on its aggregate, once it is parked. */
    private DeadLetter parkedBecauseBroken(EventEnvelope event) {
        breakdown.aggregates().add(event.aggregateId());
        broken.add(event.aggregateId());
        writer.send(ProjectContracts.PROJECTS, event);
        return await().atMost(WAIT).until(() -> deadLetters.list(true, 200).stream()
                .filter(letter -> event.aggregateId().equals(letter.key()) && group.equals(letter.group()))
                .findFirst().orElse(null), letter -> letter != null);
    }

    private DeadLetter replay(DeadLetter letter) {
        return deadLetters.replay(letter.deadLetterTopic(), letter.partition(), letter.offset(), "the operator");
    }

    private DeadLetter discard(DeadLetter letter, String reason) {
        return deadLetters.discard(letter.deadLetterTopic(), letter.partition(), letter.offset(), "the operator",
                reason);
    }

    private double open() {
        return meters.get("samverka.events.dead.letters.open").tag("topic", ProjectContracts.PROJECTS)
                .tag("group", group).gauge().value();
    }

    private static EventEnvelope event(String id, long sequence, String title) {
        return new EventEnvelope(UUID.randomUUID().toString(), "/project-service",
                ProjectContracts.PROJECT_REGISTERED.type(), id, OffsetDateTime.now(), sequence,
                ProjectContracts.PROJECT_REGISTERED.dataSchema(), null,
                EventCodec.toJson(projectRegistered(id, null, title, "owner-1", "IDEA", "INTERNAL", null)));
    }
}
