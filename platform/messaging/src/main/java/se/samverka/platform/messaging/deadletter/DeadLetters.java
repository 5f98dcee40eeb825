package se.samverka.platform.messaging.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.support.KafkaHeaders;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.EventLog;
import se.samverka.platform.messaging.consumer.LogPosition;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.platform.messaging.deadletter.DeadLetter.Decision;
import se.samverka.platform.messaging.deadletter.DeadLetter.Status;
import se.samverka.platform.messaging.deadletter.DeadLetterDecisions.Stored;
import se.samverka.platform.messaging.deadletter.DeadLetterLog.Parked;
import se.samverka.platform.messaging.deadletter.DeadLetterTopics.Parking;
import se.samverka.platform.messaging.kafka.DeadLetterPolicy;

/**
 * The dead letters of this service's consumer groups, for an operator to fix: listed with what was decided about
 * each, shown whole, replayed or discarded with a reason.
 *
 * <p>A replay hands the parked record to the read model whose consumer parked it, through the same handlers and
 * sequence guard as the live consumer, at the record's original place in the log: an event applied meanwhile (by the
 * reconciliation, say) counts as done, and a gap before it is filled from the log as the live consumer fills it.
 * It never writes to the original topic, which would deliver the event again to every other consumer group. Only an
 * instance whose consumer runs replays (reporting-service's writer, ADR 0025), so no instance writes a read model
 * another one writes.
 */
public class DeadLetters implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** A replay claimed this long ago without an outcome was cut off by a stop of its instance. */
    private static final Duration STALE_CLAIM = Duration.ofMinutes(1);
    /** The most records of one partition a listing reads: a bound, however full the topic. */
    private static final long MOST_READ = 2_000;

    private final DeadLetterTopics topics;
    private final DeadLetterLog deadLetterLog;
    private final DeadLetterDecisions decisions;
    private final EventConsumers consumers;
    private final UnaryOperator<String> topicsOfBinding;
    private final UnaryOperator<String> groupOfBinding;
    private final Predicate<String> consuming;
    private final Clock clock;
    private final Duration countEvery;
    private final Object lifecycle = new Object();
    private ScheduledExecutorService counting;

    /**
     * @param topicsOfBinding the topics (comma-separated) a binding consumes
     * @param consuming       whether a binding's consumer runs at this instance
     * @param countEvery      how often the records still open are counted again for the gauge
     */
    public DeadLetters(DeadLetterTopics topics, DeadLetterLog deadLetterLog, DeadLetterDecisions decisions,
                       EventConsumers consumers, UnaryOperator<String> topicsOfBinding,
                       UnaryOperator<String> groupOfBinding, Predicate<String> consuming, Clock clock,
                       Duration countEvery) {
        this.topics = topics;
        this.deadLetterLog = deadLetterLog;
        this.decisions = decisions;
        this.consumers = consumers;
        this.topicsOfBinding = topicsOfBinding;
        this.groupOfBinding = groupOfBinding;
        this.consuming = consuming;
        this.clock = clock;
        this.countEvery = countEvery;
    }

    /** Why a dead letter cannot be shown, replayed or discarded. */
    public static final class Refusal extends RuntimeException {

        public enum Why {
            /** No such record in this service's dead-letter topics. */
            NOT_FOUND,
            /** Replayed or discarded already. */
            DECIDED,
            /** Another replay of it is under way. */
            REPLAY_UNDER_WAY,
            /** Handed to its consumer again, it failed again; the message says why. */
            FAILED_AGAIN,
            /** No read model of this service consumes what it came from. */
            NO_CONSUMER,
            /** Its consumer runs at another instance of the service. */
            CONSUMED_ELSEWHERE,
            /** A discard without a reason. */
            REASON_MISSING
        }

        private final Why why;
        private final String id;
        private final transient DeadLetter deadLetter;

        Refusal(Why why, DeadLetter deadLetter, String message) {
            this(why, deadLetter.id(), deadLetter, message);
        }

        Refusal(Why why, String id, String message) {
            this(why, id, null, message);
        }

        private Refusal(Why why, String id, DeadLetter deadLetter, String message) {
            super(message);
            this.why = why;
            this.id = id;
            this.deadLetter = deadLetter;
        }

        public Why why() {
            return why;
        }

        /** The dead letter's id, {@code <deadLetterTopic>/<partition>/<offset>}. */
        public String id() {
            return id;
        }

        /** The record as it stands, where there is one. */
        public Optional<DeadLetter> deadLetter() {
            return Optional.ofNullable(deadLetter);
        }
    }

    /**
     * The newest dead letters of this service's groups, newest first.
     *
     * @param open only those neither replayed nor discarded
     */
    public List<DeadLetter> list(boolean open, int size) {
        Collection<Parking> parkings = topics.all();
        Map<String, Long> decided = parkings.stream().collect(Collectors.toMap(
                Parking::deadLetterTopic, parking -> decisions.decided(parking.deadLetterTopic())));
        // Of a partition's newest size + decided records, size are open, where it holds that many open ones.
        List<Parked> read = deadLetterLog.newest(decided.keySet(),
                topic -> Math.min(MOST_READ, size + decided.getOrDefault(topic, 0L)));
        Map<String, Stored> stored = decisions.find(read.stream().map(Parked::id).toList());
        return read.stream()
                .map(parked -> view(parked, topics.of(parked.topic()).orElseThrow(), stored.get(parked.id())))
                .filter(letter -> !open || letter.status() == Status.OPEN)
                .sorted(Comparator.comparing(DeadLetter::parkedAt).reversed().thenComparing(DeadLetter::id))
                .limit(size)
                .map(DeadLetter::summary)
                .toList();
    }

    /** One dead letter whole, with its headers and payload. */
    public DeadLetter find(String deadLetterTopic, int partition, long offset) {
        return current(parked(deadLetterTopic, partition, offset));
    }

    /**
     * Hands the record to the read model it was parked by, and records the replay once it was applied.
     *
     * @param by who asks, recorded with the decision
     * @throws Refusal when it is not found, decided or being replayed already, or fails again (then it stays open)
     */
    public DeadLetter replay(String deadLetterTopic, int partition, long offset, String by) {
        Parked parked = parked(deadLetterTopic, partition, offset);
        Parking parking = topics.of(deadLetterTopic).orElseThrow();
        DeadLetter letter = open(current(parked));
        ReadModelBinding readModel = readModelOf(parking).orElseThrow(() -> new Refusal(Refusal.Why.NO_CONSUMER,
                letter, "no read model of this service consumes " + parking.topic() + " as " + parking.group()));
        if (!consuming.test(readModel.binding())) {
            throw new Refusal(Refusal.Why.CONSUMED_ELSEWHERE, letter, readModel.name() + " runs at another instance");
        }
        String claim = UUID.randomUUID().toString();
        Instant now = clock.instant();
        if (!decisions.claim(parked.id(), deadLetterTopic, claim, by, now, now.minus(STALE_CLAIM))) {
            throw taken(parked);
        }
        String outcome;
        try {
            outcome = apply(readModel, letter, parked);
        } catch (RuntimeException e) {
            decisions.release(parked.id(), claim);
            if (DeadLetterPolicy.isOutage(e)) {
                throw e;
            }
            log.warn("Replaying {} to {} failed again, so it stays open: {}", parked.id(), readModel.name(),
                    DeadLetterPolicy.rootCause(e).toString());
            throw new Refusal(Refusal.Why.FAILED_AGAIN, letter, DeadLetterPolicy.rootCause(e).toString());
        }
        decisions.replayed(parked.id(), claim, outcome);
        topics.decided(deadLetterTopic);
        log.info("{} replayed {} to {}: {}", by, parked.id(), readModel.name(), outcome);
        return current(parked);
    }

    /**
     * Records that the record will not be applied, and why.
     *
     * @throws Refusal without a reason, when it is not found, or decided or being replayed already
     */
    public DeadLetter discard(String deadLetterTopic, int partition, long offset, String by, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Refusal(Refusal.Why.REASON_MISSING, DeadLetter.id(deadLetterTopic, partition, offset),
                    "a discard needs a reason");
        }
        Parked parked = parked(deadLetterTopic, partition, offset);
        open(current(parked));
        if (!decisions.discard(parked.id(), deadLetterTopic, by, clock.instant(), reason.strip())) {
            throw taken(parked);
        }
        topics.decided(deadLetterTopic);
        log.info("{} discarded {}: {}", by, parked.id(), reason.strip());
        return current(parked);
    }

    /**
     * Counts again, for the gauge, the records of each topic that are neither replayed nor discarded: what was
     * counted one by one since misses what other instances parked and decided.
     */
    public void count() {
        Map<String, Long> parked = deadLetterLog.counts(topics.all().stream().map(Parking::deadLetterTopic).toList());
        parked.forEach((topic, records) -> topics.counted(topic, records - decisions.decided(topic)));
    }

    private String apply(ReadModelBinding readModel, DeadLetter letter, Parked parked) {
        EventEnvelope event = CloudEventsKafkaBinding.read(parked::header, parked.value());
        LogPosition original = letter.originalPartition() == null || letter.originalOffset() == null ? null
                : new LogPosition(letter.originalTopic(), letter.originalPartition(), letter.originalOffset());
        ProjectionStore<?> store = readModel.store().get();
        long before = store.sequence(event.aggregateId());
        consumers.redeliver(readModel, new EventLog.LoggedEvent(event, original));
        long after = store.sequence(event.aggregateId());
        if (after < event.sequence()) {
            throw new IllegalStateException(readModel.name() + " has " + event.aggregateId() + " at sequence " + after
                    + ", and the log lacks events before " + event.sequence() + ", so it was not applied");
        }
        return before >= event.sequence() ? "already applied" : "applied";
    }

    private Optional<ReadModelBinding> readModelOf(Parking parking) {
        return consumers.readModels().stream()
                .filter(readModel -> parking.group().equals(groupOfBinding.apply(readModel.binding()))
                        && Arrays.stream(topicsOfBinding.apply(readModel.binding()).split(","))
                        .map(String::trim).anyMatch(parking.topic()::equals))
                .findFirst();
    }

    private Parked parked(String deadLetterTopic, int partition, long offset) {
        String id = DeadLetter.id(deadLetterTopic, partition, offset);
        if (topics.of(deadLetterTopic).isEmpty()) {
            throw new Refusal(Refusal.Why.NOT_FOUND, id, "no dead letter " + id);
        }
        return deadLetterLog.find(deadLetterTopic, partition, offset)
                .orElseThrow(() -> new Refusal(Refusal.Why.NOT_FOUND, id, "no dead letter " + id));
    }

    /** The record with what is decided about it now. */
    private DeadLetter current(Parked parked) {
        return view(parked, topics.of(parked.topic()).orElseThrow(), decisions.find(parked.id()).orElse(null));
    }

    /** Why another caller's replay or discard came first. */
    private Refusal taken(Parked parked) {
        DeadLetter current = current(parked);
        return current.status() == Status.OPEN
                ? new Refusal(Refusal.Why.REPLAY_UNDER_WAY, current, "a replay of it is under way")
                : decided(current);
    }

    private static DeadLetter open(DeadLetter letter) {
        if (letter.status() != Status.OPEN) {
            throw decided(letter);
        }
        return letter;
    }

    private static Refusal decided(DeadLetter letter) {
        return new Refusal(Refusal.Why.DECIDED, letter, letter.id() + " was " + letter.status() + " by "
                + letter.decision().by() + " at " + letter.decision().at());
    }

    private static DeadLetter view(Parked parked, Parking parking, Stored stored) {
        String reason = parked.header(DeadLetterPolicy.REASON_HEADER);
        if (reason == null) {
            reason = parked.header(KafkaHeaders.DLT_EXCEPTION_FQCN) + ": "
                    + parked.header(KafkaHeaders.DLT_EXCEPTION_MESSAGE);
        }
        Status status = stored == null ? Status.OPEN : stored.viewed();
        Decision decision = status == Status.OPEN ? null : stored.decision();
        return new DeadLetter(parked.id(), parked.topic(), parked.partition(), parked.offset(),
                Optional.ofNullable(parked.header(KafkaHeaders.DLT_ORIGINAL_TOPIC)).orElse(parking.topic()),
                number(parked.header(KafkaHeaders.DLT_ORIGINAL_PARTITION), Integer::valueOf),
                number(parked.header(KafkaHeaders.DLT_ORIGINAL_OFFSET), Long::valueOf),
                parking.group(), parked.key(), parked.header(CloudEventsKafkaBinding.CE_TYPE),
                parked.header(CloudEventsKafkaBinding.CE_ID), parked.parkedAt(), reason, status, decision,
                parked.headers(), DeadLetterLog.text(parked.value()));
    }

    private static <N> N number(String text, Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The gauge is counted soon after the start, so that dead letters parked before it show, then now and then. */
    @Override
    public void start() {
        synchronized (lifecycle) {
            counting = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "dead-letter-count");
                thread.setDaemon(true);
                return thread;
            });
            long every = countEvery.toMillis();
            counting.scheduleWithFixedDelay(() -> {
                try {
                    count();
                } catch (RuntimeException e) {
                    log.debug("The open dead letters could not be counted: {}", e.toString());
                }
            }, Math.min(every, 10_000), every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (counting != null) {
                counting.shutdownNow();
                counting = null;
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return counting != null;
        }
    }
}
