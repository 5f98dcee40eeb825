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
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;

/**
 * Publishes the events waiting in aggregate documents, then clears them.
 *
 * <p>An aggregate's pending events are published in sequence order, each acknowledged by the broker before the next
 * is sent, and removed from the document only after their acknowledgement. A crash between publishing and clearing
 * leaves them pending, so they are published again (at least once, never lost); consumers skip the duplicates by
 * sequence. Several instances of a service may relay at once: an instance leases an aggregate before publishing
 * its events, so normally one publishes and the other waits; should a lease run out mid-way the worst outcome is a
 * duplicate, because every instance publishes an aggregate's events from its oldest pending one, in order.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String LEASE_UNTIL = "outboxLeaseUntil";
    static final String LEASE_OWNER = "outboxLeaseOwner";

    private final MongoOperations mongo;
    private final AggregateStores stores;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Settings settings;
    private final String owner = UUID.randomUUID().toString();
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingMillis = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private volatile boolean running;
    private Thread worker;

    /**
     * @param source       the CloudEvents source of this service, e.g. {@code /project-service}
     * @param pollInterval how long the relay waits for a write before it looks anyway
     * @param lease        how long an instance may hold an aggregate while publishing its events
     * @param batchSize    how many aggregates one pass takes per collection
     */
    public record Settings(String source, Duration pollInterval, Duration lease, int batchSize) {
    }

    public OutboxRelay(MongoOperations mongo, AggregateStores stores, EventPublisher publisher, Clock clock,
                       Settings settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.stores = stores;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = settings;
        this.published = Counter.builder("samverka.outbox.published")
                .description("Events the relay published and the broker acknowledged").register(meters);
        this.failures = Counter.builder("samverka.outbox.publish.failures")
                .description("Attempts to publish that failed; the events stay pending").register(meters);
        Gauge.builder("samverka.outbox.pending", pending, AtomicLong::get)
                .description("Events stored but not yet published (the outbox backlog), as of the last pass")
                .register(meters);
        Gauge.builder("samverka.outbox.oldest.age", this, relay -> relay.oldestPendingAgeSeconds())
                .baseUnit("seconds")
                .description("Age of the oldest event not yet published, as of the last pass")
                .register(meters);
    }

    /** Asks the relay to look for pending events now rather than at its next poll. */
    public void wake() {
        wakeUp.release();
    }

    /**
     * One pass over every outbox collection.
     *
     * @return how many events were published
     */
    public int relayPending() {
        int count = 0;
        long backlog = 0;
        Instant oldest = null;
        for (String collection : stores.collections()) {
            Query withPending = Query.query(Criteria.where(AggregateStore.OUTBOX + ".0").exists(true))
                    .limit(settings.batchSize());
            withPending.fields().include("_id");
            for (Document aggregate : mongo.find(withPending, Document.class, collection)) {
                RelayResult result = relayAggregate(collection, aggregate.get("_id"));
                count += result.published();
                backlog += result.left();
                if (result.oldestLeft() != null && (oldest == null || result.oldestLeft().isBefore(oldest))) {
                    oldest = result.oldestLeft();
                }
            }
        }
        pending.set(backlog);
        oldestPendingMillis.set(oldest == null ? 0 : oldest.toEpochMilli());
        return count;
    }

    private record RelayResult(int published, int left, Instant oldestLeft) {
    }

    private RelayResult relayAggregate(String collection, Object id) {
        Date now = Date.from(clock.instant());
        Query claimable = Query.query(new Criteria().andOperator(
                Criteria.where("_id").is(id),
                Criteria.where(AggregateStore.OUTBOX + ".0").exists(true),
                new Criteria().orOperator(Criteria.where(LEASE_UNTIL).exists(false), Criteria.where(LEASE_UNTIL).lt(now))));
        Update lease = new Update()
                .set(LEASE_UNTIL, Date.from(clock.instant().plus(settings.lease())))
                .set(LEASE_OWNER, owner);
        Document claimed = mongo.findAndModify(claimable, lease, FindAndModifyOptions.options().returnNew(true),
                Document.class, collection);
        if (claimed == null) {
            return new RelayResult(0, 0, null);
        }
        List<OutboxEntry> entries = claimed.getList(AggregateStore.OUTBOX, Document.class).stream()
                .map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
                .sorted(Comparator.comparingLong(OutboxEntry::sequence))
                .toList();
        List<String> done = new ArrayList<>();
        for (OutboxEntry entry : entries) {
            try {
                publisher.publish(entry.topic(), envelope(entry, String.valueOf(id)));
            } catch (RuntimeException e) {
                failures.increment();
                log.warn("Could not publish {} {} of {} {}; it stays pending and is retried: {}",
                        entry.type(), entry.eventId(), collection, id, e.toString());
                break;
            }
            done.add(entry.eventId());
            published.increment();
        }
        clear(collection, id, done);
        List<OutboxEntry> left = entries.subList(done.size(), entries.size());
        return new RelayResult(done.size(), left.size(), left.isEmpty() ? null : left.get(0).time());
    }

    /**
     * Removes exactly the published events (others may have been appended meanwhile) and gives up the lease, unless
     * it ran out and another instance holds it now.
     */
    private void clear(String collection, Object id, List<String> eventIds) {
        Update release = new Update().unset(LEASE_UNTIL).unset(LEASE_OWNER);
        Update pull = new Update();
        if (!eventIds.isEmpty()) {
            Document published = new Document("eventId", new Document("$in", eventIds));
            release.pull(AggregateStore.OUTBOX, published);
            pull.pull(AggregateStore.OUTBOX, published);
        }
        Criteria aggregate = Criteria.where("_id").is(id);
        if (mongo.updateFirst(Query.query(aggregate.and(LEASE_OWNER).is(owner)), release, collection).getMatchedCount() == 0
                && !eventIds.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), pull, collection);
        }
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
        while (running) {
            try {
                relayPending();
            } catch (RuntimeException e) {
                log.warn("Outbox relay pass failed; retrying: {}", e.toString());
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
            wake();
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
