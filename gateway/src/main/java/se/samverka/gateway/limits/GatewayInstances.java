package se.samverka.gateway.limits;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * How many gateway instances are running, from what each notes in the store every few seconds: the rate limit is
 * the platform's, so each instance allows its share of it (ADR 0024). An instance that stops noting is counted out
 * after {@link #GONE_AFTER}, and the others take over its share.
 */
@Component
public class GatewayInstances {

    static final Duration GONE_AFTER = Duration.ofSeconds(15);
    private static final Duration FORGOTTEN_AFTER = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(GatewayInstances.class);

    private final MongoCollection<Document> instances;
    private final Clock clock = Clock.systemUTC();
    private final String id = UUID.randomUUID().toString();
    private volatile int running = 1;

    /** A note lost in a crash costs nothing: the next one comes five seconds later. */
    GatewayInstances(MongoDatabase gatewayStore) {
        this.instances = gatewayStore.getCollection("gateway_instances")
                .withWriteConcern(WriteConcern.W1.withJournal(false));
    }

    /** This instance's part of the platform's limit: one of as many as are running. */
    public double share() {
        return 1.0 / running;
    }

    /** Notes that this instance runs, and counts those that do; a store that does not answer changes nothing. */
    @Scheduled(fixedDelayString = "${samverka.gateway.instances.note-every:5s}")
    void note() {
        Instant now = clock.instant();
        try {
            instances.replaceOne(eq("_id", id), new Document("_id", id).append("seenAt", Date.from(now)),
                    new ReplaceOptions().upsert(true));
            running = (int) Math.max(1, instances.countDocuments(gt("seenAt", Date.from(now.minus(GONE_AFTER)))));
            instances.deleteMany(lt("seenAt", Date.from(now.minus(FORGOTTEN_AFTER))));
        } catch (MongoException e) {
            log.debug("Gateway instances not noted this time: {}", e.toString());
        }
    }

    /** Counted out at once, rather than after {@link #GONE_AFTER}, when it stops on purpose. */
    @PreDestroy
    void leave() {
        try {
            instances.deleteOne(eq("_id", id));
        } catch (MongoException e) {
            log.debug("This gateway instance is counted out after {} instead: {}", GONE_AFTER, e.toString());
        }
    }
}
