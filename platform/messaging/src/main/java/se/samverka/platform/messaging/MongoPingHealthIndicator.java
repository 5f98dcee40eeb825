package se.samverka.platform.messaging;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * MongoDB health by {@code ping} on the service's own database. Boot's indicator sends {@code hello}, which the
 * Mongo-wire server of the embedded runtime does not know; {@code ping} works on both it and MongoDB.
 */
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoOperations mongo;

    MongoPingHealthIndicator(MongoOperations mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up();
    }
}
