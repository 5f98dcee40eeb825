package se.samverka.platform.messaging.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.UnjournaledWrites;

/**
 * Publishes the events waiting in aggregate documents, then clears them.
 *
 * <p>The stores tell the relay which aggregates they wrote, so a pass takes those by id; every sweep interval, and
 * after a failed pass, it sweeps instead: reads each collection for aggregates with pending events that no store told
 * it of (another instance wrote them, or a crash left them), a batch at a time, sweeping again at once while a sweep
 * fills its batch. A pass takes up to a batch of aggregates per collection and leases them in one write. It publishes
 * their events in rounds: the next event of every aggregate at once, then waits for the broker's acknowledgements, so
 * an aggregate's event follows its predecessor's acknowledgement as before, while a whole batch of aggregates is in
 * flight. It then removes, in one bulk write, each aggregate's acknowledged events. A crash between publishing and
 * clearing leaves them pending, so they are published again (at least once, never lost); consumers skip the duplicates
 * by sequence. Several instances of a service may relay at once: an instance leases an aggregate before publishing its
 * events, so normally one publishes and the other waits; should a lease run out mid-way the worst outcome is a
 * duplicate, because every instance publishes an aggregate's events from its oldest pending one, in order
 * (docs/adr/0016).
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";

    private final MongoOperations mongo;
    /** Leases and clearing: lost in a crash, they cost a wait for the lease or a republished event, nothing more. */
    private final MongoOperations bookkeeping;
    private final AggregateStores stores;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Settings settings;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);
    /** The aggregates the stores told of, by collection, not yet taken by a pass. */
    private final Map<String, Set<Object>> told = new ConcurrentHashMap<>();
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    /**
     * @param source       the CloudEvents source of this service, e.g. {@code /project-service}
     * @param pollInterval how long the relay waits for a write before it tries again what failed
     * @param sweepInterval how often the relay reads every collection for pending events no store told it of
     *                     (written by another instance, or left by a crash)
     * @param lease        how long an instance may hold an aggregate while publishing its events
     * @param batchSize    how many aggregates one pass takes per collection
     * @param deliveryTimeout how long the publisher takes at most to answer a send (the producer's own timeout)
     */
    public record Settings(String source, Duration pollInterval, Duration sweepInterval, Duration lease,
                           int batchSize, Duration deliveryTimeout) {
    }

    public OutboxRelay(MongoOperations mongo, AggregateStores stores, EventPublisher publisher, Clock clock,
                       Settings settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.bookkeeping = UnjournaledWrites.of(mongo);
        this.stores = stores;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.published = Counter.builder("samverka.outbox.published")
                .description("Events the relay published and the broker acknowledged").register(meters);
        this.failures = Counter.builder("samverka.outbox.publish.failures")
                .description("Aggregates whose events a pass could not all publish; they stay pending").register(meters);
        Gauge.builder("samverka.outbox.pending", pending, AtomicLong::get)
                .description("Events stored but not yet published (the outbox backlog), as of the last pass")
                .register(meters);
        Gauge.builder("samverka.outbox.oldest.age", this, relay -> relay.oldestPendingAgeSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest event not yet published, as of the last pass")
                .register(meters);
    }

    /** Tells the relay of an aggregate that has events to publish now. */
    public void wake(String collection, Object id) {
        remember(collection, id);
        wakeUp.release();
    }

    private void remember(String collection, Object id) {
        told.computeIfAbsent(collection, c -> ConcurrentHashMap.newKeySet()).add(id);
    }

    /**
     * One pass over every aggregate with pending events in every outbox collection.
     *
     * @return how many events were published
     */
    public int relayPending() {
        return pass(true).published();
    }

    private record Pass(int published, long left, Instant oldestLeft, boolean full) {

        static final Pass NONE = new Pass(0, 0, null, false);

        Pass and(Pass other) {
            return new Pass(published + other.published, left + other.left, earlier(oldestLeft, other.oldestLeft),
                    full || other.full);
        }
    }

    /**
     * One pass: over the aggregates the stores told of, or, sweeping, over every aggregate with pending events, which
     * means reading whole collections.
     */
    private Pass pass(boolean sweep) {
        Pass pass = Pass.NONE;
        for (String collection : stores.collections()) {
            pass = pass.and(relayCollection(collection, sweep ? withPending(collection) : toldOf(collection)));
        }
        pending.set(pass.left());
        oldestPendingMillis.set(pass.oldestLeft() == null ? 0 : pass.oldestLeft().toEpochMilli());
        return pass;
    }

    /** An aggregate's pending events, in sequence order, and how many of them the broker has acknowledged. */
    private static final class Sending {

        private final Object id;
        private final List<OutboxEntry> entries;
        private int acknowledged;
        private Throwable failure;

        private Sending(Object id, List<OutboxEntry> entries) {
            this.id = id;
            this.entries = entries;
        }

        private boolean hasNext() {
            return failure == null && acknowledged < entries.size();
        }

        private OutboxEntry next() {
            return entries.get(acknowledged);
        }
    }

    /**
     * Up to a batch of the aggregates with pending events that this instance may lease: not those another holds, or a
     * sweep after a crash would take the dead instance's leases first, claim none, and leave the rest of the backlog
     * waiting for them to run out.
     */
    private List<Object> withPending(String collection) {
        Query withPending = Query.query(Criteria.where(AggregateStore.FIRST_PENDING).exists(true)
                        .orOperator(Criteria.where(LEASE_UNTIL).exists(false),
                                Criteria.where(LEASE_UNTIL).lt(Date.from(clock.instant())),
                                Criteria.where(LEASE_OWNER).is(owner)))
                .limit(settings.batchSize());
        withPending.fields().include("_id");
        return mongo.find(withPending, Document.class, collection).stream().map(d -> d.get("_id")).toList();
    }

    /** Takes up to a batch of the aggregates the store told of since the last pass. */
    private List<Object> toldOf(String collection) {
        Set<Object> told = this.told.getOrDefault(collection, Set.of());
        List<Object> ids = new ArrayList<>();
        for (Iterator<Object> it = told.iterator(); it.hasNext() && ids.size() < settings.batchSize(); ) {
            Object id = it.next();
            it.remove();
            ids.add(id);
        }
        return ids;
    }

    /** The earlier of two times, either of which may be unknown (null). */
    private static Instant earlier(Instant one, Instant other) {
        return one == null || other != null && other.isBefore(one) ? other : one;
    }

    private Pass relayCollection(String collection, List<Object> ids) {
        if (ids.isEmpty()) {
            return Pass.NONE;
        }
        List<Sending> sendings = claim(collection, ids).stream().map(this::pendingEvents).toList();
        if (sendings.isEmpty()) {
            return Pass.NONE; // other instances hold them
        }
        publish(sendings);
        int published = 0;
        long left = 0;
        Instant oldestLeft = null;
        List<Sending> failed = new ArrayList<>();
        for (Sending sending : sendings) {
            published += sending.acknowledged;
            left += sending.entries.size() - sending.acknowledged;
            if (sending.failure != null) {
                failed.add(sending);
                oldestLeft = earlier(oldestLeft, sending.next().time());
            }
        }
        if (!failed.isEmpty()) {
            failures.increment(failed.size());
            Sending first = failed.get(0);
            log.warn("Could not publish the events of {} aggregates of {} (the first: {} from sequence {}); they stay "
                    + "pending and are retried: {}", failed.size(), collection, first.id, first.next().sequence(),
                    first.failure.toString());
        }
        clear(collection, sendings);
        this.published.increment(published);
        // Tried again at the next poll, without a sweep.
        failed.forEach(sending -> remember(collection, sending.id));
        return new Pass(published, left, oldestLeft, published > 0 && ids.size() == settings.batchSize());
    }

    /** Leases the aggregates that no other instance holds, in one write, and reads back those now this instance's. */
    private List<Document> claim(String collection, List<Object> ids) {
        Date now = Date.from(clock.instant());
        Query claimable = Query.query(Criteria.where("_id").in(ids)
                .and(AggregateStore.OUTBOX + ".0").exists(true)
                .orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now)));
        Update lease = new Update()
                .set(LEASE_UNTIL, Date.from(clock.instant().plus(settings.lease())))
                .set(LEASE_OWNER, owner);
        bookkeeping.updateMulti(claimable, lease, collection);
        return mongo.find(Query.query(Criteria.where("_id").in(ids).and(LEASE_OWNER).is(owner)), Document.class,
                collection);
    }

    private Sending pendingEvents(Document aggregate) {
        return new Sending(aggregate.get("_id"), aggregate.getList(AggregateStore.OUTBOX, Document.class).stream()
                .map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
                .sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .toList());
    }

    /**
     * Publishes in rounds: each round sends the next event of every aggregate at once and waits for the broker's
     * answers, so an aggregate's event is sent only after its predecessor was acknowledged, and the log has each
     * aggregate's events in order even when one of them fails. An aggregate stops at its first failure; a send still
     * unanswered a moment after the producer's delivery timeout counts as one.
     */
    private void publish(List<Sending> sendings) {
        List<Sending> open = sendings;
        while (!open.isEmpty()) {
            Map<Sending, CompletableFuture<?>> round = new LinkedHashMap<>();
            for (Sending sending : open) {
                try {
                    round.put(sending, publisher.publish(sending.next().topic(),
                            envelope(sending.next(), String.valueOf(sending.id))));
                } catch (RuntimeException e) {
                    round.put(sending, CompletableFuture.failedFuture(e));
                }
            }
            try {
                CompletableFuture.allOf(round.values().toArray(CompletableFuture[]::new))
                        .get(settings.deliveryTimeout().plusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                // Each send's own future says whether it was acknowledged.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            round.forEach((sending, answer) -> {
                if (answer.isDone() && !answer.isCompletedExceptionally()) {
                    sending.acknowledged++;
                } else {
                    sending.failure = answer.isDone() ? answer.handle((ok, e) -> e).join()
                            : new TimeoutException("no acknowledgement within " + settings.deliveryTimeout());
                }
            });
            open = open.stream().filter(Sending::hasNext).toList();
        }
    }

    /**
     * Removes exactly the acknowledged events (others may have been appended meanwhile) and gives up the leases,
     * except those that ran out and another instance holds now; one bulk write for the whole batch, which changes each
     * aggregate once (of the two updates per aggregate, one matches).
     */
    private void clear(String collection, List<Sending> sendings) {
        BulkOperations bulk = bookkeeping.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        for (Sending sending : sendings) {
            List<String> published = sending.entries.subList(0, sending.acknowledged).stream()
                    .map(OutboxEntry::eventId).toList();
            Update release = new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER);
            if (!published.isEmpty()) {
                Document acknowledged = new Document("eventId", new Document("$in", published));
                release.pull(AggregateStore.OUTBOX, acknowledged);
                bulk.updateOne(Query.query(Criteria.where("_id").is(sending.id).and(LEASE_OWNER).ne(owner)),
                        new Update().pull(AggregateStore.OUTBOX, acknowledged));
            }
            bulk.updateOne(Query.query(Criteria.where("_id").is(sending.id).and(LEASE_OWNER).is(owner)), release);
        }
        bulk.execute();
    }

    private EventEnvelope envelope(OutboxEntry entry, String aggregateId) {
        String dataSchema = EventCatalog.forType(entry.type()).map(EventContract::dataSchema).orElse(null);
        return new EventEnvelope(entry.eventId(), settings.source(), entry.type(), aggregateId,
                OffsetDateTime.ofInstant(entry.time(), ZoneOffset.UTC), entry.sequence(), dataSchema,
                entry.traceparent(), entry.data());
    }

    private double oldestPendingAgeSeconds() {
        long oldest = oldestPendingMillis.get();
        return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
    }

    private void loop() {
        long nextSweep = System.nanoTime();
        while (running) {
            try {
                boolean sweep = System.nanoTime() - nextSweep >= 0;
                Pass pass = pass(sweep);
                if (sweep) {
                    // A sweep that filled its batch left more behind (a crash's backlog): the next pass sweeps too.
                    nextSweep = System.nanoTime() + (pass.full() ? 0 : settings.sweepInterval().toNanos());
                }
                if (pass.full()) {
                    continue; // more are waiting
                }
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; retrying: {}", e.toString());
                nextSweep = System.nanoTime(); // what it was told of may be lost with it
            }
            try {
                if (wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (worker != null) {
            wakeUp.release();
            try {
                worker.join(settings.lease().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
