package se.samverka.reporting.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.PoisonEventException;
import se.samverka.platform.events.TopicLog;
import se.samverka.platform.events.Topics;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.outage.KafkaHealthIndicator;
import se.samverka.platform.web.DependencyUnavailableException;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.ReadModels;
import se.samverka.reporting.readmodel.WriterLease;

/**
 * Rebuilds the read models from the beginning of the topics into a new generation while the one in use keeps serving
 * and being fed, then switches (see {@link ReadModels#switchTo}). One rebuild runs at a time, at the instance that
 * writes the read models (ADR 0025): any instance takes the request and stores it, the writer runs it and keeps its
 * progress in the store, so that every instance answers how far it has come. A rebuild whose writer stopped (died,
 * or lost its lease) fails, for whoever asked to start it again.
 */
@Service
@Order(1)
public class Rebuilds implements WriterLease.WriterDuty, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** How many rounds of reading to the end a rebuild takes before it switches and reads the rest exclusively. */
    private static final int CATCH_UP_ROUNDS = 3;
    /** Events applied in one bulk write of each read model. */
    private static final int BATCH_SIZE = 500;
    private static final String REBUILDS = "rebuilds";
    /** Holds the one rebuild under way, whichever instance was asked for it. */
    private static final String UNDER_WAY = "rebuild_under_way";
    private static final String ONE = "one";
    private static final Duration PROGRESS_SAVED_EVERY = Duration.ofSeconds(1);

    private final ReadModels models;
    private final MongoOperations mongo;
    private final String bootstrapServers;
    private final KafkaHealthIndicator broker;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Progress> running = new AtomicReference<>();
    /** At an instance that does not write: whether a rebuild is under way, as last looked at (each second). */
    private volatile boolean underWayElsewhere;

    public Rebuilds(ReadModels models, MongoOperations mongo,
                    @Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                    KafkaHealthIndicator broker, Clock clock) {
        this.models = models;
        this.mongo = mongo;
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.clock = clock;
    }

    /**
     * @throws RebuildRunningException 409 while another rebuild runs
     * @throws DependencyUnavailableException 503 while the broker is unreachable: a rebuild reads the topics, and one
     *                                        started without them would only fail later
     */
    public Rebuild start() {
        if (!broker.reachableNow()) {
            throw new DependencyUnavailableException("Kafka");
        }
        Progress progress = new Progress(UUID.randomUUID().toString(), clock.instant(), models.current().generation() + 1);
        // Stored before it takes the one place, so that whoever finds the place taken finds the rebuild too.
        save(progress);
        try {
            mongo.insert(new Document("_id", ONE).append("rebuild", progress.id), UNDER_WAY);
        } catch (DuplicateKeyException another) {
            mongo.remove(Query.query(Criteria.where("_id").is(progress.id)), REBUILDS);
            throw new RebuildRunningException(underWay().map(document -> document.getString("rebuild")).orElse("?"));
        }
        if (models.writer()) {
            launch(progress);
        } else {
            underWayElsewhere = true;
        }
        return progress.now(clock.instant());
    }

    public Optional<Rebuild> find(String id) {
        Progress here = running.get();
        if (here != null && here.id.equals(id)) {
            return Optional.of(here.now(clock.instant()));
        }
        return Optional.ofNullable(mongo.findById(id, Document.class, REBUILDS)).map(this::rebuild);
    }

    /**
     * Whether a rebuild runs now, at this instance or another: asked by every report's freshness, so answered from
     * memory, not the store.
     */
    public boolean isRunning() {
        return running.get() != null || underWayElsewhere;
    }

    /** Runs the rebuild asked for while another instance wrote; fails the one a writer that stopped left. */
    @Override
    public void takeOver() {
        underWayElsewhere = false;
        tend();
    }

    @Override
    public void whileNotWriting() {
        underWayElsewhere = underWay().isPresent();
    }

    /** Runs a rebuild another instance took the request for. */
    @Override
    public void whileWriting() {
        tend();
    }

    private void tend() {
        if (running.get() != null) {
            return;
        }
        Optional<Document> underWay = underWay();
        if (underWay.isEmpty()) {
            return;
        }
        String id = underWay.get().getString("rebuild");
        Document stored = mongo.findById(id, Document.class, REBUILDS);
        if (stored != null && !stored.getBoolean("started", false)) {
            launch(new Progress(id, stored.getDate("startedAt").toInstant(), models.current().generation() + 1));
            return;
        }
        if (stored != null && Rebuild.State.RUNNING.name().equals(stored.getString("state"))) {
            Progress left = Progress.of(stored);
            left.finish(Rebuild.State.FAILED, "the instance that ran it stopped writing the read models; start it again",
                    clock.instant());
            save(left);
            log.warn("Rebuild {} into generation {} was left by an instance that stopped writing: failed", id,
                    left.generation);
        }
        mongo.remove(Query.query(Criteria.where("_id").is(ONE).and("rebuild").is(id)), UNDER_WAY);
    }

    private void launch(Progress progress) {
        if (running.compareAndSet(null, progress)) {
            worker.submit(() -> run(progress));
        }
    }

    private Optional<Document> underWay() {
        return Optional.ofNullable(mongo.findById(ONE, Document.class, UNDER_WAY));
    }

    private void run(Progress progress) {
        ReadModelSet next = null;
        try (TopicLog topics = new TopicLog(bootstrapServers, Topics.ALL)) {
            next = models.next();
            progress.generation = next.generation();
            progress.started = true;
            save(progress);
            log.info("Rebuilding the read models into generation {} ({})", next.generation(), progress.id);
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                replay(topics, topics.endOffsets(), next, progress);
            }
            // Counted once from what the entries add, then kept per batch through the last catch-up.
            next.figures().countAgain();
            stillWriting();
            ReadModelSet filled = next;
            models.switchTo(next, () -> replay(topics, topics.endOffsets(), filled, progress));
            progress.finish(Rebuild.State.COMPLETED, null, clock.instant());
            Rebuild done = progress.now(clock.instant());
            log.info("Rebuilt the read models into generation {}: {} events in {} ms ({} events/s), {} skipped",
                    done.generation(), done.events(), done.finishedAt().toEpochMilli() - done.startedAt().toEpochMilli(),
                    done.eventsPerSecond(), done.skipped());
        } catch (RuntimeException e) {
            log.error("Rebuilding the read models into generation {} failed", progress.generation, e);
            if (next != null) {
                models.discard(next);
            }
            progress.finish(Rebuild.State.FAILED, String.valueOf(e.getMessage()), clock.instant());
        } finally {
            finished(progress);
        }
    }

    /** Records how it ended and lets the next rebuild start; what the store refuses now, the writer tends to later. */
    private void finished(Progress progress) {
        try {
            save(progress);
            mongo.remove(Query.query(Criteria.where("_id").is(ONE).and("rebuild").is(progress.id)), UNDER_WAY);
        } catch (RuntimeException e) {
            log.warn("The end of rebuild {} could not be recorded now: {}", progress.id, e.toString());
        } finally {
            running.set(null);
        }
    }

    /** A rebuild writes into a generation only the writer may switch to. */
    private void stillWriting() {
        if (!models.writer()) {
            throw new IllegalStateException("this instance stopped writing the read models");
        }
    }

    private void save(Progress progress) {
        progress.savedAt = clock.instant();
        mongo.save(progress.document(), REBUILDS);
    }

    private Rebuild rebuild(Document stored) {
        return Progress.of(stored).now(clock.instant());
    }

    private void replay(TopicLog topics, Map<TopicPartition, Long> end, ReadModelSet next, Progress progress) {
        Batch batch = new Batch(next, progress, this::applied);
        topics.readUntil(end, record -> {
            try {
                batch.add(record.topic(), record.event());
            } catch (PoisonEventException e) {
                progress.skipped.incrementAndGet();
            }
        });
        batch.apply();
    }

    /**
     * After each batch: the progress saved now and then, for every instance to read; the rebuild given up should
     * another instance write the read models now.
     */
    private void applied(Progress progress) {
        stillWriting();
        if (!progress.savedAt.plus(PROGRESS_SAVED_EVERY).isAfter(clock.instant())) {
            save(progress);
        }
    }

    /** Events read from the log, applied a batch at a time, each topic's in their order. */
    private static final class Batch {

        private final ReadModelSet next;
        private final Progress progress;
        private final Consumer<Progress> applied;
        private final Map<String, List<EventEnvelope>> byTopic = new LinkedHashMap<>();
        private int size;

        private Batch(ReadModelSet next, Progress progress, Consumer<Progress> applied) {
            this.next = next;
            this.progress = progress;
            this.applied = applied;
        }

        private void add(String topic, EventEnvelope event) {
            byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(event);
            if (++size == BATCH_SIZE) {
                apply();
            }
        }

        private void apply() {
            byTopic.forEach((topic, events) -> {
                List<MissingEventsException> missing = next.applyAll(topic, events);
                // The log is read from its start: what is missing before these events is not in it.
                missing.forEach(gap -> log.warn("Rebuild skips an event: {}", gap.getMessage()));
                progress.skipped.addAndGet(missing.size());
                progress.events.addAndGet(events.size() - missing.size());
            });
            byTopic.clear();
            size = 0;
            applied.accept(progress);
        }
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }

    private static final class Progress {

        private final String id;
        private final Instant startedAt;
        private final AtomicLong events = new AtomicLong();
        private final AtomicLong skipped = new AtomicLong();
        private volatile int generation;
        private volatile boolean started;
        private volatile Rebuild.State state = Rebuild.State.RUNNING;
        private volatile Instant finishedAt;
        private volatile String failure;
        private volatile Instant savedAt = Instant.MIN;

        /** Times to the millisecond, as the store keeps them: every instance answers alike. */
        private Progress(String id, Instant startedAt, int generation) {
            this.id = id;
            this.startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
            this.generation = generation;
        }

        private static Progress of(Document stored) {
            Progress progress = new Progress(stored.getString("_id"), stored.getDate("startedAt").toInstant(),
                    stored.getInteger("generation"));
            progress.started = stored.getBoolean("started", false);
            progress.events.set(stored.get("events", Number.class).longValue());
            progress.skipped.set(stored.get("skipped", Number.class).longValue());
            progress.state = Rebuild.State.valueOf(stored.getString("state"));
            Date finished = stored.getDate("finishedAt");
            progress.finishedAt = finished == null ? null : finished.toInstant();
            progress.failure = stored.getString("failure");
            return progress;
        }

        private Document document() {
            return new Document("_id", id).append("startedAt", Date.from(startedAt)).append("generation", generation)
                    .append("started", started).append("events", events.get()).append("skipped", skipped.get())
                    .append("state", state.name())
                    .append("finishedAt", finishedAt == null ? null : Date.from(finishedAt))
                    .append("failure", failure);
        }

        private void finish(Rebuild.State finalState, String why, Instant at) {
            finishedAt = at.truncatedTo(ChronoUnit.MILLIS);
            failure = why;
            state = finalState;
        }

        private Rebuild now(Instant now) {
            Instant until = finishedAt == null ? now : finishedAt;
            long applied = events.get();
            return new Rebuild(id, state, generation, startedAt, finishedAt, applied, skipped.get(),
                    Rebuild.rate(applied, startedAt, until), failure);
        }
    }
}
