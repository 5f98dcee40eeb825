package se.samverka.platform.messaging.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The rebuilds of a service's read models as stored, so that every instance answers how far one has come, and the
 * one place for a rebuild under way, which makes a second request a 409 at whichever instance it comes to.
 */
public class RebuildLedger {

    private static final Logger log = LoggerFactory.getLogger(RebuildLedger.class);

    /** How many rebuilds {@link #recent()} lists. */
    public static final int RECENT = 10;
    private static final String REBUILDS = "rebuilds";
    private static final String UNDER_WAY = "rebuild_under_way";
    private static final String ONE = "one";
    private static final Duration SAVED_EVERY = Duration.ofSeconds(1);

    private final MongoOperations mongo;
    private final Clock clock;

    public RebuildLedger(MongoOperations mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Stores a new rebuild into {@code generation} and takes the one place for it.
     *
     * @throws RebuildRunningException 409 while another rebuild is under way
     */
    public RebuildProgress begin(int generation) {
        RebuildProgress progress = new RebuildProgress(UUID.randomUUID().toString(), clock.instant(), generation);
        // Stored before it takes the one place, so that whoever finds the place taken finds the rebuild too.
        save(progress);
        try {
            mongo.insert(new Document("_id", ONE).append("rebuild", progress.id()), UNDER_WAY);
        } catch (DuplicateKeyException another) {
            mongo.remove(Query.query(Criteria.where("_id").is(progress.id())), REBUILDS);
            throw new RebuildRunningException(underWay().orElse("?"));
        }
        return progress;
    }

    /** The id of the rebuild under way, at any instance. */
    public Optional<String> underWay() {
        return Optional.ofNullable(mongo.findById(ONE, Document.class, UNDER_WAY))
                .map(document -> document.getString("rebuild"));
    }

    /** Lets the next rebuild start, once {@code id} has ended. */
    public void release(String id) {
        mongo.remove(Query.query(Criteria.where("_id").is(ONE).and("rebuild").is(id)), UNDER_WAY);
    }

    /**
     * Records how a rebuild ended and lets the next start; what the store refuses now is only logged, for whoever
     * tends to rebuilds left running to find.
     */
    public void ended(RebuildProgress progress) {
        try {
            save(progress);
            release(progress.id());
        } catch (RuntimeException e) {
            log.warn("The end of rebuild {} could not be recorded now: {}", progress.id(), e.toString());
        }
    }

    public void save(RebuildProgress progress) {
        progress.saved(clock.instant());
        mongo.save(progress.document(), REBUILDS);
    }

    /** Saves the progress if it was last saved a second ago or more: for the other instances to follow it. */
    public void saveNowAndThen(RebuildProgress progress) {
        if (!progress.savedAt().plus(SAVED_EVERY).isAfter(clock.instant())) {
            save(progress);
        }
    }

    public Optional<RebuildProgress> stored(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, REBUILDS)).map(RebuildProgress::of);
    }

    /** The most recent rebuilds, newest first. */
    public List<RebuildProgress> recent() {
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(RECENT);
        return mongo.find(newest, Document.class, REBUILDS).stream().map(RebuildProgress::of).toList();
    }

    /** Whether a running rebuild's progress has not been saved for {@code patience}: its instance stopped. */
    public boolean abandoned(RebuildProgress progress, Duration patience) {
        return progress.running() && progress.savedAt().plus(patience).isBefore(clock.instant());
    }
}
