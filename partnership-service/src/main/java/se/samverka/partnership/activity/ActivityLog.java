package se.samverka.partnership.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When each partnership last saw activity: a change of a project linked to it. Only ever moves forward, so recording
 * the same event twice, or events out of order, leaves it right.
 */
@Component
public class ActivityLog {

    private static final String COLLECTION = "partnership_activity";
    private static final String LAST_ACTIVITY = "lastActivityAt";

    private final MongoOperations mongo;

    public ActivityLog(MongoOperations mongo) {
        this.mongo = mongo;
    }

    void record(String partnershipId, Instant at) {
        Query partnership = Query.query(Criteria.where("_id").is(partnershipId));
        mongo.upsert(partnership, new Update().max(LAST_ACTIVITY, Date.from(at)), COLLECTION);
    }

    public Optional<Instant> lastActivity(String partnershipId) {
        return Optional.ofNullable(mongo.findById(partnershipId, Document.class, COLLECTION))
                .map(document -> document.getDate(LAST_ACTIVITY).toInstant());
    }

    public Map<String, Instant> lastActivities(Collection<String> partnershipIds) {
        return mongo.find(Query.query(Criteria.where("_id").in(partnershipIds)), Document.class, COLLECTION).stream()
                .collect(Collectors.toMap(document -> document.getString("_id"),
                        document -> document.getDate(LAST_ACTIVITY).toInstant()));
    }
}
