package se.samverka.reporting.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.UnjournaledWrites;
import se.samverka.platform.messaging.consumer.ApplyOutcome;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.ProjectionStores;
import se.samverka.reporting.ReportingSettings;

/**
 * The generation of the read models that serves, and the switch to a rebuilt one. The generation in use is stored,
 * so that a restart serves the same one, and so that every instance serves the one the writer switched to (ADR 0025).
 * The live consumers apply every event under a shared lock; the switch takes it exclusively, so that no live event
 * falls between the rebuild's last read and the moment the new generation takes over (see ADR 0006). A replaced
 * generation is dropped by the writer once the other instances' reports have had time to move on from it.
 */
@Component
@Order(0)
public class ReadModels implements WriterLease.WriterDuty {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    private static final String STATE = "read_models";
    private static final String ACTIVE = "active";
    private static final String GENERATION = "generation";
    private static final String REPLACED = "replaced";
    private static final Retries RETRIES = new Retries(Duration.ofSeconds(5), Duration.ofMinutes(5),
            pause -> Thread.sleep(pause.toMillis()));

    private final MongoOperations mongo;
    private final MongoOperations unjournaled;
    private final ProjectionStores stores;
    private final ProjectionStores rebuilding;
    private final ZoneId zone;
    private final Clock clock;
    private final Duration dropAfter;
    private final ReadWriteLock switching = new ReentrantReadWriteLock();
    /** Replaced generations this instance served, until dropped: the drop waits for what reads them here. */
    private final Map<Integer, ReadModelSet> replaced = new ConcurrentHashMap<>();
    private volatile ReadModelSet current;
    private volatile boolean writer;

    public ReadModels(MongoOperations mongo, ProjectionStores stores, ReportingSettings settings, Clock clock) {
        this.mongo = mongo;
        this.unjournaled = UnjournaledWrites.of(mongo);
        this.stores = stores;
        this.rebuilding = stores.unjournaled();
        this.zone = settings.zone();
        this.clock = clock;
        this.dropAfter = settings.writer().dropAfter();
        this.current = serving(storedGeneration());
    }

    /** The generation that serves now. */
    public ReadModelSet current() {
        return current;
    }

    /** What a live consumer does with an event of its topic. */
    public ApplyOutcome apply(String topic, EventEnvelope event) {
        return whileServing(set -> set.apply(topic, event));
    }

    /** What a live consumer does with a batch of events of its topic: those it left for their gaps come back. */
    public List<MissingEventsException> applyAll(String topic, List<EventEnvelope> events) {
        return whileServing(set -> set.applyAll(topic, events));
    }

    /** Applies to the generation in use under the shared lock, so that no switch falls in between. */
    private <T> T whileServing(Function<ReadModelSet, T> work) {
        switching.readLock().lock();
        try {
            return work.apply(current);
        } finally {
            switching.readLock().unlock();
        }
    }

    /** An empty generation after the one in use, for a rebuild; what a failed rebuild left of it is dropped. */
    public ReadModelSet next() {
        ReadModelSet next = new ReadModelSet(current.generation() + 1, unjournaled, rebuilding, zone, clock, true);
        next.drop();
        return next;
    }

    /**
     * Makes {@code next} the generation that serves. {@code catchUp} runs first, while no live event is applied: it
     * brings {@code next} to the end of the topics. The journaled write that records the switch takes all of
     * {@code next} to disk, and notes the generation replaced, to be dropped once due ({@link #whileWriting}).
     */
    public void switchTo(ReadModelSet next, Runnable catchUp) {
        ReadModelSet before;
        switching.writeLock().lock();
        try {
            catchUp.run();
            before = current;
            mongo.upsert(Query.query(Criteria.where("_id").is(ACTIVE)), new Update().set(GENERATION, next.generation())
                    .push(REPLACED, new Document(GENERATION, before.generation())
                            .append("dropAt", Date.from(Instant.now().plus(dropAfter)))), STATE);
            replaced.put(before.generation(), before);
            current = serving(next.generation());
        } finally {
            switching.writeLock().unlock();
        }
        log.info("Read models switched from generation {} to {}", before.generation(), next.generation());
    }

    /** Drops a generation that will never serve (its rebuild failed). */
    public void discard(ReadModelSet set) {
        if (set != current) {
            set.drop();
        }
    }

    /** Whether this instance writes the read models now (ADR 0025). */
    public boolean writer() {
        return writer;
    }

    /**
     * Serves the stored generation, finishes what a crash or the writer before left of its figures, and counts them
     * again where they do not hold every entry.
     */
    @Override
    public void takeOver() {
        ReadModelSet set = serving(storedGeneration());
        set.figures().recover();
        current = set;
        writer = true;
        countTheFiguresAgainWhereNeeded(set);
    }

    @Override
    public void giveUp() {
        writer = false;
    }

    /** Drops each replaced generation whose time has come. */
    @Override
    public void whileWriting() {
        Document state = mongo.findById(ACTIVE, Document.class, STATE);
        List<Document> due = state == null ? List.of() : state.getList(REPLACED, Document.class, List.of()).stream()
                .filter(old -> !old.getDate("dropAt").toInstant().isAfter(Instant.now())).toList();
        for (Document old : due) {
            int generation = old.getInteger(GENERATION);
            ReadModelSet set = replaced.remove(generation);
            (set == null ? serving(generation) : set).drop();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(ACTIVE)),
                    new Update().pull(REPLACED, new Document(GENERATION, generation)), STATE);
            log.info("Dropped generation {} of the read models, replaced by a rebuild", generation);
        }
    }

    /** Serves the generation the writer switched to, and notices once its figures hold every entry. */
    @Override
    public void whileNotWriting() {
        int generation = storedGeneration();
        ReadModelSet serving = current;
        if (generation != serving.generation()) {
            current = serving(generation);
            log.info("Read models: serving generation {}, which the writer switched to", generation);
        } else {
            serving.figures().lookAgainWhetherWhole();
        }
    }

    private int storedGeneration() {
        Document state = mongo.findById(ACTIVE, Document.class, STATE);
        return state == null ? 1 : state.getInteger(GENERATION);
    }

    private ReadModelSet serving(int generation) {
        return new ReadModelSet(generation, unjournaled, stores, zone, clock, false);
    }

    /**
     * Should the figures of the generation in use not hold every entry (it was written before they were kept, or a
     * crash came while they were counted again), they are counted again in the background, its reports counting
     * every entry until they are. A count the store cut short (a start finds it busy building its indexes) is tried
     * again, less often each time, until it succeeds, a rebuild's generation takes over or this instance stops
     * writing.
     */
    private void countTheFiguresAgainWhereNeeded(ReadModelSet set) {
        if (set.figures().whole()) {
            return;
        }
        log.warn("The figures of generation {} do not hold every project: counting them again", set.generation());
        Thread counting = new Thread(() -> RETRIES.untilDone(() -> current == set && writer,
                () -> set.figures().countAgain(),
                (failure, pause) -> log.warn("The figures of generation {} could not be counted again ({}); trying "
                        + "again in {} s, the reports counting every entry meanwhile", set.generation(),
                        failure.toString(), pause.toSeconds())), "figures-counted-again");
        counting.setDaemon(true);
        counting.start();
    }
}
