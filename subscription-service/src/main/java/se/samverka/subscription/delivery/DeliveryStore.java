package se.samverka.subscription.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The deliveries. Every change is a single-document write (new ones stored in one request): taking one to send is a
 * conditional {@code findAndModify} that sets a lease, and the outcome of an attempt is written only while holding it.
 */
@Component
public class DeliveryStore {

    static final String COLLECTION = "deliveries";

    private final MongoOperations mongo;

    public DeliveryStore(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("subscriptionId", Sort.Direction.ASC)
                .on("eventId", Sort.Direction.ASC).unique().named("one_delivery_per_event"));
        // What the sender and the lists read in order: a page read in order, not sorted from every delivery.
        for (String ordered : List.of("nextAttemptAt", "createdAt", "eventTime")) {
            mongo.indexOps(COLLECTION).createIndex(new Index().on(ordered, Sort.Direction.ASC));
        }
    }

    /**
     * Stores the new deliveries, each unless its subscription has one for the event already; true if one was new. One
     * request for all of them; only where some were stored before (events recorded again after a crash) one each.
     */
    public boolean insertAllIfAbsent(List<Delivery> planned) {
        if (planned.isEmpty()) {
            return false;
        }
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class).insert(planned).execute();
            return true;
        } catch (BulkOperationException | DuplicateKeyException some) {
            boolean inserted = false;
            for (Delivery delivery : planned) {
                inserted |= insertIfAbsent(delivery);
            }
            // Fewer errors than deliveries: the bulk stored some. (By the errors, not the count of inserted ones:
            // mongo-java-server's own backend, which the tests run on, counts every delivery as inserted.)
            return inserted || some instanceof BulkOperationException bulk && bulk.getErrors().size() < planned.size();
        }
    }

    private boolean insertIfAbsent(Delivery delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Pending deliveries due by now that nobody is sending, the longest due first. */
    List<Delivery> due(Instant now, int limit) {
        Query query = Query.query(pendingAndFree(now).and("nextAttemptAt").lte(now))
                .with(Sort.by("nextAttemptAt", "sequence")).limit(limit);
        return mongo.find(query, Delivery.class);
    }

    /** When the next pending delivery falls due after now, if any does. */
    Optional<Instant> nextDue(Instant now) {
        Query query = Query.query(Criteria.where("status").is(DeliveryStatus.PENDING).and("nextAttemptAt").gt(now))
                .with(Sort.by("nextAttemptAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(query, Delivery.class)).map(Delivery::nextAttemptAt);
    }

    /** Whether an earlier event of the same project still waits for this subscription: then this one waits too. */
    boolean waitsForEarlier(Delivery delivery) {
        return mongo.exists(Query.query(Criteria.where("subscriptionId").is(delivery.subscriptionId())
                .and("projectId").is(delivery.projectId()).and("status").is(DeliveryStatus.PENDING)
                .and("manual").is(false).and("sequence").lt(delivery.sequence())), Delivery.class);
    }

    /** Takes a due delivery to send, if nobody else did meanwhile. */
    Optional<Delivery> claim(String id, Instant now, Instant leaseUntil) {
        Query free = Query.query(pendingAndFree(now).and("_id").is(id).and("nextAttemptAt").lte(now));
        return Optional.ofNullable(mongo.findAndModify(free, new Update().set("leaseUntil", leaseUntil),
                FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    /** Records an attempt of a claimed delivery and what follows: done, failed, or the next attempt's time. */
    void recordAttempt(Delivery claimed, Attempt attempt, DeliveryStatus status, Instant nextAttemptAt) {
        Update update = new Update().push("attempts", attempt).set("tries", claimed.tries() + 1).set("status", status)
                .set("nextAttemptAt", nextAttemptAt).unset("leaseUntil");
        if (status != DeliveryStatus.PENDING) {
            update.set("finishedAt", attempt.at());
        }
        mongo.updateFirst(held(claimed), update, Delivery.class);
    }

    /** Ends a claimed delivery without an attempt (its subscription is gone or disabled). */
    void abandon(Delivery claimed, Instant at) {
        mongo.updateFirst(held(claimed), new Update().set("status", DeliveryStatus.FAILED).set("finishedAt", at)
                .unset("nextAttemptAt").unset("leaseUntil"), Delivery.class);
    }

    /** Ends every pending delivery of a subscription that was disabled. */
    void abandonPending(String subscriptionId, Instant at) {
        mongo.updateMulti(Query.query(Criteria.where("subscriptionId").is(subscriptionId)
                        .and("status").is(DeliveryStatus.PENDING)),
                new Update().set("status", DeliveryStatus.FAILED).set("finishedAt", at).unset("nextAttemptAt"),
                Delivery.class);
    }

    /**
     * Sends a delivery again, at once and out of the project's order, with a new round of attempts; one still pending
     * is only brought forward.
     */
    Optional<Delivery> redeliver(String subscriptionId, String id, Instant now) {
        Query finished = Query.query(Criteria.where("_id").is(id).and("subscriptionId").is(subscriptionId)
                .and("status").ne(DeliveryStatus.PENDING));
        Delivery again = mongo.findAndModify(finished, new Update().set("status", DeliveryStatus.PENDING)
                        .set("manual", true).set("tries", 0).set("nextAttemptAt", now).unset("finishedAt"),
                FindAndModifyOptions.options().returnNew(true), Delivery.class);
        if (again != null) {
            return Optional.of(again);
        }
        Query pending = Query.query(Criteria.where("_id").is(id).and("subscriptionId").is(subscriptionId)
                .and("status").is(DeliveryStatus.PENDING));
        mongo.updateFirst(pending, new Update().set("nextAttemptAt", now), Delivery.class);
        return find(subscriptionId, id);
    }

    Optional<Delivery> find(String subscriptionId, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .and("subscriptionId").is(subscriptionId)), Delivery.class));
    }

    Page<Delivery> page(String subscriptionId, DeliveryStatus status, Pageable pageable) {
        Criteria criteria = Criteria.where("subscriptionId").is(subscriptionId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Delivery.class);
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Delivery.class), pageable, total);
    }

    void deleteOf(String subscriptionId) {
        mongo.remove(Query.query(Criteria.where("subscriptionId").is(subscriptionId)), Delivery.class);
    }

    long countPending() {
        return mongo.count(Query.query(Criteria.where("status").is(DeliveryStatus.PENDING)), Delivery.class);
    }

    private static Criteria pendingAndFree(Instant now) {
        return Criteria.where("status").is(DeliveryStatus.PENDING)
                .orOperator(Criteria.where("leaseUntil").is(null), Criteria.where("leaseUntil").lt(now));
    }

    private static Query held(Delivery claimed) {
        return Query.query(Criteria.where("_id").is(claimed.id()).and("status").is(DeliveryStatus.PENDING)
                .and("leaseUntil").is(claimed.leaseUntil()));
    }
}
