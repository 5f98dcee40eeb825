package se.samverka.platform.messaging;

import com.mongodb.WriteConcern;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The same store, for writes answered before they are journaled ({@code w: 1, j: false}): only for writes whose loss
 * in a crash costs a repetition and nothing else, such as a relay's lease, or a read model that is being rebuilt and
 * made durable as a whole before it serves. A journaled write that follows on the same store takes every earlier one
 * to disk with it, on MongoDB as on the embedded store (docs/adr/0016).
 */
public final class UnjournaledWrites {

    private static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);

    private UnjournaledWrites() {
    }

    public static MongoOperations of(MongoOperations mongo) {
        if (!(mongo instanceof MongoTemplate template)) {
            throw new IllegalArgumentException("unjournaled writes need a MongoTemplate, not " + mongo.getClass());
        }
        MongoTemplate unjournaled = new MongoTemplate(template.getMongoDatabaseFactory(), template.getConverter());
        unjournaled.setWriteConcern(UNJOURNALED);
        return unjournaled;
    }
}
