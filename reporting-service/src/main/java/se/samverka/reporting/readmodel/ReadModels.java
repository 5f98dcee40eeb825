package se.samverka.reporting.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
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
 * so that a restart serves the same one. The live consumers apply every event under a shared lock; the switch takes
 * it exclusively, so that no live event falls between the rebuild's last read and the moment the new generation
 * takes over (see ADR 0006).
 */
@Component
public class ReadModels {

    private static final Logger log = LoggerFactory.getLogger(ReadModels.class);
    private static final String STATE = "read_models";
    private static final String ACTIVE = "active";
    private static final Retries RETRIES = new Retries(Duration.ofSeconds(5), Duration.ofMinutes(5),
            pause -> Thread.sleep(pause.toMillis()));

    private final MongoOperations mongo;
    private final MongoOperations unjournaled;
    private final ProjectionStores stores;
    private final ProjectionStores rebuilding;
    private final ZoneId zone;
    private final Clock clock;
    private final ReadWriteLock switching = new ReentrantReadWriteLock();
    private volatile ReadModelSet current;

    public ReadModels(MongoOperations mongo, ProjectionStores stores, ReportingSettings settings, Clock clock) {
        this.mongo = mongo;
        this.unjournaled = UnjournaledWrites.of(mongo);
        this.stores = stores;
        this.rebuilding = stores.unjournaled();
        this.zone = settings.zone();
        this.clock = clock;
        Document state = mongo.findById(ACTIVE, Document.class, STATE);
        this.current = serving(state == null ? 1 : state.getInteger("generation"));
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
     * {@code next} to disk. The generation replaced is dropped.
     */
    public void switchTo(ReadModelSet next, Runnable catchUp) {
        ReadModelSet replaced;
        switching.writeLock().lock();
        try {
            catchUp.run();
            mongo.upsert(Query.query(Criteria.where("_id").is(ACTIVE)), Update.update("generation", next.generation()),
                    STATE);
            replaced = current;
            current = serving(next.generation());
        } finally {
            switching.writeLock().unlock();
        }
        replaced.drop();
        log.info("Read models switched from generation {} to {}", replaced.generation(), next.generation());
    }

    /** Drops a generation that will never serve (its rebuild failed). */
    public void discard(ReadModelSet set) {
        if (set != current) {
            set.drop();
        }
    }

    private ReadModelSet serving(int generation) {
        return new ReadModelSet(generation, unjournaled, stores, zone, clock, false);
    }

    /**
     * Should the figures of the generation in use not hold every entry (it was written before they were kept, or a
     * crash came while they were counted again), they are counted again once the service is up, its reports counting
     * every entry until they are. A count the store cut short (a start finds it busy building its indexes) is tried
     * again, less often each time, until it succeeds or a rebuild's generation takes over.
     */
    @EventListener(ApplicationReadyEvent.class)
    void countTheFiguresAgainWhereNeeded() {
        ReadModelSet set = current;
        if (set.figures().whole()) {
            return;
        }
        log.warn("The figures of generation {} do not hold every project: counting them again", set.generation());
        Thread counting = new Thread(() -> RETRIES.untilDone(() -> current == set, () -> set.figures().countAgain(),
                (failure, pause) -> log.warn("The figures of generation {} could not be counted again ({}); trying "
                        + "again in {} s, the reports counting every entry meanwhile", set.generation(),
                        failure.toString(), pause.toSeconds())), "figures-counted-again");
        counting.setDaemon(true);
        counting.start();
    }
}
