package se.samverka.subscription.register;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The subscriptions, one document each with a version: a change is one write conditional on the version read, so a
 * stale one changes nothing and is answered 412.
 */
@Component
public class SubscriptionStore {

    private final MongoOperations mongo;

    public SubscriptionStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    public void insert(Subscription subscription) {
        mongo.insert(subscription);
    }

    public Optional<Subscription> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Subscription.class));
    }

    /** Stores the next version of a subscription, if nobody changed it since {@code changed.version() - 1}. */
    void replace(Subscription changed) {
        Query unchanged = Query.query(Criteria.where("_id").is(changed.id()).and("version").is(changed.version() - 1));
        if (mongo.replace(unchanged, changed).getMatchedCount() != 1) {
            throw new OptimisticLockingFailureException("subscription " + changed.id() + " changed meanwhile");
        }
    }

    /** A page of the subscriptions of one organisation, or of all when {@code organisationId} is null. */
    Page<Subscription> page(String organisationId, boolean all, Pageable pageable) {
        Query query = all ? new Query() : Query.query(Criteria.where("organisationId").is(organisationId));
        long total = mongo.count(query, Subscription.class);
        List<Subscription> items = mongo.find(Query.of(query).with(pageable), Subscription.class);
        return new PageImpl<>(items, pageable, total);
    }

    boolean delete(String id) {
        return mongo.remove(Query.query(Criteria.where("_id").is(id)), Subscription.class).getDeletedCount() == 1;
    }

    public List<Subscription> active() {
        return mongo.find(Query.query(Criteria.where("status").is(SubscriptionStatus.ACTIVE)), Subscription.class);
    }

    /** Disables an active subscription; a new version, so that a client holding the old ETag sees it changed. */
    public boolean disable(String id, String reason, Instant at) {
        Query active = Query.query(Criteria.where("_id").is(id).and("status").is(SubscriptionStatus.ACTIVE));
        Update update = new Update().set("status", SubscriptionStatus.DISABLED).set("disabledReason", reason)
                .set("updatedAt", at).inc("version", 1);
        return mongo.updateFirst(active, update, Subscription.class).getMatchedCount() == 1;
    }
}
