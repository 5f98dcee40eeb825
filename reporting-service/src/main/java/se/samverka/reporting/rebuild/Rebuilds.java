package se.samverka.reporting.rebuild;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
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

/**
 * Rebuilds the read models from the beginning of the topics into a new generation while the one in use keeps serving
 * and being fed, then switches (see {@link ReadModels#switchTo}). One rebuild runs at a time.
 */
@Service
public class Rebuilds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);
    /** How many rounds of reading to the end a rebuild takes before it switches and reads the rest exclusively. */
    private static final int CATCH_UP_ROUNDS = 3;
    /** Events applied in one bulk write of each read model. */
    private static final int BATCH_SIZE = 500;

    private final ReadModels models;
    private final String bootstrapServers;
    private final KafkaHealthIndicator broker;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Progress> rebuilds = new ConcurrentHashMap<>();
    private final AtomicReference<Progress> running = new AtomicReference<>();

    public Rebuilds(ReadModels models, @Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                    KafkaHealthIndicator broker, Clock clock) {
        this.models = models;
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
        Progress progress = new Progress(UUID.randomUUID().toString(), clock.instant());
        if (!running.compareAndSet(null, progress)) {
            throw new RebuildRunningException(running.get().id);
        }
        ReadModelSet next = models.next();
        progress.generation = next.generation();
        rebuilds.put(progress.id, progress);
        worker.submit(() -> run(progress, next));
        return progress.now(clock.instant());
    }

    public Optional<Rebuild> find(String id) {
        return Optional.ofNullable(rebuilds.get(id)).map(progress -> progress.now(clock.instant()));
    }

    /** Whether a rebuild runs now. */
    public boolean isRunning() {
        return running.get() != null;
    }

    private void run(Progress progress, ReadModelSet next) {
        log.info("Rebuilding the read models into generation {} ({})", next.generation(), progress.id);
        try (TopicLog topics = new TopicLog(bootstrapServers, Topics.ALL)) {
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                replay(topics, topics.endOffsets(), next, progress);
            }
            // Counted once from what the entries add, then kept per batch through the last catch-up.
            next.figures().countAgain();
            models.switchTo(next, () -> replay(topics, topics.endOffsets(), next, progress));
            progress.finish(Rebuild.State.COMPLETED, null, clock.instant());
            Rebuild done = progress.now(clock.instant());
            log.info("Rebuilt the read models into generation {}: {} events in {} ms ({} events/s), {} skipped",
                    done.generation(), done.events(), done.finishedAt().toEpochMilli() - done.startedAt().toEpochMilli(),
                    done.eventsPerSecond(), done.skipped());
        } catch (RuntimeException e) {
            log.error("Rebuilding the read models into generation {} failed", next.generation(), e);
            models.discard(next);
            progress.finish(Rebuild.State.FAILED, String.valueOf(e.getMessage()), clock.instant());
        } finally {
            running.set(null);
        }
    }

    private void replay(TopicLog topics, Map<TopicPartition, Long> end, ReadModelSet next, Progress progress) {
        Batch batch = new Batch(next, progress);
        topics.readUntil(end, record -> {
            try {
                batch.add(record.topic(), record.event());
            } catch (PoisonEventException e) {
                progress.skipped.incrementAndGet();
            }
        });
        batch.apply();
    }

    /** Events read from the log, applied a batch at a time, each topic's in their order. */
    private static final class Batch {

        private final ReadModelSet next;
        private final Progress progress;
        private final Map<String, List<EventEnvelope>> byTopic = new LinkedHashMap<>();
        private int size;

        private Batch(ReadModelSet next, Progress progress) {
            this.next = next;
            this.progress = progress;
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
        private volatile Rebuild.State state = Rebuild.State.RUNNING;
        private volatile Instant finishedAt;
        private volatile String failure;

        private Progress(String id, Instant startedAt) {
            this.id = id;
            this.startedAt = startedAt;
        }

        private void finish(Rebuild.State finalState, String why, Instant at) {
            finishedAt = at;
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
