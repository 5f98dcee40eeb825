package se.samverka.reporting.readmodel;

import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The activity feed's lines, one document per event, keyed by the event's id so that a redelivery adds nothing. */
public class FeedStore {

    private static final int DUPLICATE_KEY = 11000;

    private final MongoOperations mongo;
    private final String collection;

    FeedStore(MongoOperations mongo, String collection) {
        this.mongo = mongo;
        this.collection = collection;
        mongo.indexOps(collection).createIndex(new Index().on("time", Sort.Direction.DESC));
        if (mongo.getCollection(collection).estimatedDocumentCount() == 0) {
            // Read in order while there is no line: the embedded store then keeps the index in order from the first
            // line on, where built when the feed is first read it took a minute over a million lines (ADR 0021).
            latest(new Criteria(), 1);
        }
    }

    void add(FeedLine line) {
        try {
            mongo.insert(line, collection);
        } catch (DuplicateKeyException e) {
            // Told already: the event came again.
        }
    }

    /** Adds lines in one bulk write; those told already stay as they are. */
    void addAll(List<FeedLine> lines) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        bulk.insert(lines);
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /** The newest lines first; criteria name {@link FeedLine}'s fields ({@code _id} for the event id). */
    public List<FeedLine> latest(Criteria criteria, int limit) {
        Query query = Query.query(criteria).with(Sort.by(Sort.Order.desc("time"), Sort.Order.desc("_id"))).limit(limit);
        return mongo.find(query, FeedLine.class, collection);
    }

    String collection() {
        return collection;
    }
}
