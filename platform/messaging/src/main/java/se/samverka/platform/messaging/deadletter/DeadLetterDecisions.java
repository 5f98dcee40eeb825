package se.samverka.platform.messaging.deadletter;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.samverka.platform.messaging.deadletter.DeadLetter.Decision;
import se.samverka.platform.messaging.deadletter.DeadLetter.Status;

/**
 * What operators decided about this service's dead letters, one document per record, its id the record's. The
 * document's id makes a decision once only: a replay first claims the record by inserting it, so that of two
 * replays one goes on and the other is refused, and marks it replayed only once it was applied; a replay that
 * failed gives its claim up, and the record is open again. Written with the service's write concern (on disk).
 */
public class DeadLetterDecisions {

    static final String COLLECTION = "dead_letter_decisions";
    /** Claimed by a replay under way: the record is still open. */
    private static final String REPLAYING = "REPLAYING";

    private final MongoOperations mongo;

    public DeadLetterDecisions(MongoOperations mongo) {
        this.mongo = mongo;
    }

    /** What is stored about one record: a claim of a replay under way, or a decision. */
    public record Stored(String status, Decision decision) {

        boolean decided() {
            return !REPLAYING.equals(status);
        }

        Status viewed() {
            return decided() ? Status.valueOf(status) : Status.OPEN;
        }
    }

    public Optional<Stored> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(DeadLetterDecisions::stored);
    }

    public Map<String, Stored> find(Collection<String> ids) {
        Map<String, Stored> found = new HashMap<>();
        mongo.find(Query.query(Criteria.where("_id").in(ids)), Document.class, COLLECTION)
                .forEach(document -> found.put(document.getString("_id"), stored(document)));
        return found;
    }

    /** How many records of the topic were replayed or discarded. */
    public long decided(String deadLetterTopic) {
        return mongo.count(Query.query(Criteria.where("topic").is(deadLetterTopic).and("status").ne(REPLAYING)),
                COLLECTION);
    }

    /**
     * Claims the record for a replay: true when this caller may go on. A claim older than {@code staleBefore} was
     * left by an instance that stopped during its replay, and is taken over.
     */
    public boolean claim(String id, String deadLetterTopic, String claim, String by, Instant at, Instant staleBefore) {
        try {
            mongo.insert(new Document("_id", id).append("topic", deadLetterTopic).append("status", REPLAYING)
                    .append("claim", claim).append("by", by).append("at", Date.from(at)), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("status").is(REPLAYING)
                            .and("at").lt(Date.from(staleBefore))),
                    new Update().set("claim", claim).set("by", by).set("at", Date.from(at)), COLLECTION)
                    .getModifiedCount() == 1;
        }
    }

    /** The claimed record was applied: replayed, by whom and when it was claimed. */
    public void replayed(String id, String claim, String outcome) {
        mongo.updateFirst(claimed(id, claim),
                new Update().set("status", Status.REPLAYED.name()).set("outcome", outcome), COLLECTION);
    }

    /** The replay failed: the record is open again. */
    public void release(String id, String claim) {
        mongo.remove(claimed(id, claim), COLLECTION);
    }

    /** Discards the record, unless something was decided or claimed already: false then. */
    public boolean discard(String id, String deadLetterTopic, String by, Instant at, String reason) {
        try {
            mongo.insert(new Document("_id", id).append("topic", deadLetterTopic)
                    .append("status", Status.DISCARDED.name()).append("by", by).append("at", Date.from(at))
                    .append("reason", reason).append("outcome", "discarded"), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    private static Query claimed(String id, String claim) {
        return Query.query(Criteria.where("_id").is(id).and("status").is(REPLAYING).and("claim").is(claim));
    }

    private static Stored stored(Document document) {
        return new Stored(document.getString("status"), new Decision(document.getString("by"),
                document.getDate("at").toInstant(), document.getString("reason"), document.getString("outcome")));
    }
}
