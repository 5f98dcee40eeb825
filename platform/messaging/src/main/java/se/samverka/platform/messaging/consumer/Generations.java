package se.samverka.platform.messaging.consumer;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Which generation of a service's per-aggregate read models serves, stored in one document so that every instance
 * of the service serves the same one (ADR 0030). A rebuild fills the next generation from the log and switches to it
 * with one write; the generation replaced is dropped a while later, once every instance's reads have moved on.
 *
 * <p>Reads use the generation as this instance last looked (each second). A live consumer asks the store for each
 * batch it applies ({@link GenerationalStore#live()}), after its poll: so every event either lies in the log before
 * a switch, where the rebuild reads it, or is applied to the new generation.
 */
public class Generations implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Generations.class);
    private static final String STATE = "read_model_generations";
    private static final String SERVING = "serving";
    private static final String GENERATION = "generation";
    private static final String REPLACED = "replaced";
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private final MongoOperations mongo;
    private final ProjectionStores stores;
    private final Clock clock;
    private final Duration dropAfter;
    private final Map<String, GenerationalStore<?>> registered = new ConcurrentHashMap<>();
    private final ScheduledExecutorService looking = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-generations");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int serving;
    private volatile boolean started;

    /** @param dropAfter how long a replaced generation is kept for the reads of the other instances */
    public Generations(MongoOperations mongo, ProjectionStores stores, Clock clock, Duration dropAfter) {
        this.mongo = mongo;
        this.stores = stores;
        this.clock = clock;
        this.dropAfter = dropAfter;
    }

    /** A read model kept in generations, its first generation in {@code collection} as before rebuilds existed. */
    public synchronized <V> GenerationalStore<V> store(String collection, Class<V> viewType) {
        if (!started) {
            serving = servingNow();
            looking.scheduleWithFixedDelay(this::look, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(),
                    TimeUnit.MILLISECONDS);
            started = true;
        }
        GenerationalStore<V> store = new GenerationalStore<>(this, stores, collection, viewType);
        registered.put(collection, store);
        return store;
    }

    /** The generation that serves, as this instance last looked. */
    public int serving() {
        return serving;
    }

    /** The generation that serves, as stored now. */
    public int servingNow() {
        Document state = mongo.findById(SERVING, Document.class, STATE);
        return state == null ? 1 : state.getInteger(GENERATION);
    }

    /**
     * Makes {@code next} the generation that serves, at every instance. The write is journaled, and so takes what a
     * rebuild wrote unjournaled into {@code next} to disk with it; it notes the generation replaced, to be dropped
     * once due.
     */
    public void switchTo(int next) {
        int before = servingNow();
        mongo.upsert(Query.query(Criteria.where("_id").is(SERVING)), new Update().set(GENERATION, next)
                .push(REPLACED, new Document(GENERATION, before)
                        .append("dropAt", Date.from(clock.instant().plus(dropAfter)))), STATE);
        serving = next;
        log.info("Read models switched from generation {} to {}", before, next);
    }

    /** Drops every read model's collection of a generation that will never serve (its rebuild failed or began). */
    public void drop(int generation) {
        if (generation != servingNow()) {
            registered.values().forEach(store -> store.drop(generation));
        }
    }

    /** Follows a switch made at another instance, and drops each replaced generation whose time has come. */
    private void look() {
        try {
            Document state = mongo.findById(SERVING, Document.class, STATE);
            if (state == null) {
                return;
            }
            serving = state.getInteger(GENERATION);
            List<Document> due = state.getList(REPLACED, Document.class, List.of()).stream()
                    .filter(old -> !old.getDate("dropAt").toInstant().isAfter(clock.instant())).toList();
            for (Document old : due) {
                int generation = old.getInteger(GENERATION);
                registered.values().forEach(store -> store.drop(generation));
                mongo.updateFirst(Query.query(Criteria.where("_id").is(SERVING)),
                        new Update().pull(REPLACED, new Document(GENERATION, generation)), STATE);
                log.info("Dropped generation {} of the read models, replaced by a rebuild", generation);
            }
        } catch (RuntimeException e) {
            log.debug("Could not look at the read models' generation now: {}", e.toString());
        }
    }

    void dropCollection(String collection) {
        mongo.dropCollection(collection);
    }

    @Override
    public void destroy() {
        looking.shutdownNow();
    }
}
