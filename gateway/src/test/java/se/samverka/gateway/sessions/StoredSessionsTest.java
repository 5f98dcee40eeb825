package se.samverka.gateway.sessions;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.WebSession;
import se.samverka.platform.test.MutableClock;
import se.samverka.platform.test.TestInfrastructure;

/** The browsers' sessions in the JVM's real store, with a clock the test moves. */
class StoredSessionsTest {

    private static final Duration IDLE = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private MongoClient mongo;
    private MongoCollection<Document> collection;
    private StoredSessions sessions;

    @BeforeEach
    void openTheStore() {
        mongo = MongoClients.create(TestInfrastructure.get().mongoUri("gateway-sessions"));
        collection = mongo.getDatabase("gateway-sessions").getCollection("sessions-" + UUID.randomUUID());
        sessions = new StoredSessions(collection, IDLE, clock);
    }

    @AfterEach
    void closeTheStore() {
        mongo.close();
    }

    @Test
    void aSavedSessionIsReadBackWithWhatItHoldsAndIsStoredUnderAHashOfItsId() {
        WebSession session = started();

        WebSession read = sessions.retrieveSession(session.getId()).block();

        assertThat(read).isNotNull();
        assertThat(read.getAttributes()).containsEntry("language", "sv");
        assertThat(read.isStarted()).isTrue();
        assertThat(collection.find(eq("_id", session.getId())).first()).as("stored by its id itself").isNull();
        assertThat(collection.countDocuments()).isOne();
    }

    @Test
    void aSessionIdleLongerThanItsMaximumIsGoneAndRemoved() {
        WebSession session = started();
        clock.advance(IDLE.plusSeconds(1));

        assertThat(sessions.retrieveSession(session.getId()).block()).isNull();
        assertThat(collection.countDocuments()).isZero();
    }

    @Test
    void aRequestThatChangesNothingWritesNothingUntilTheLastAccessIsAMinuteOld() {
        WebSession session = started();
        Instant stored = lastAccess();

        clock.advance(Duration.ofSeconds(30));
        touchedAndSaved(session.getId());
        assertThat(lastAccess()).as("half a minute on: not written").isEqualTo(stored);

        clock.advance(StoredSessions.NOTED_EVERY);
        touchedAndSaved(session.getId());
        assertThat(lastAccess()).as("a minute and a half on: noted").isEqualTo(clock.instant());
    }

    @Test
    void aChangedAttributeIsWrittenAtOnce() {
        WebSession session = started();
        WebSession read = sessions.retrieveSession(session.getId()).block();
        read.getAttributes().put("language", "en");
        read.save().block();

        assertThat(sessions.retrieveSession(session.getId()).block().getAttributes()).containsEntry("language", "en");
    }

    @Test
    void aNewIdLeavesNothingUnderTheOldOne() {
        WebSession session = started();
        String old = session.getId();

        session.changeSessionId().block();
        session.save().block();

        assertThat(session.getId()).isNotEqualTo(old);
        assertThat(sessions.retrieveSession(old).block()).isNull();
        assertThat(sessions.retrieveSession(session.getId()).block()).isNotNull();
        assertThat(collection.countDocuments()).isOne();
    }

    @Test
    void anInvalidatedSessionIsGoneFromTheStore() {
        WebSession session = started();

        sessions.retrieveSession(session.getId()).block().invalidate().block();

        assertThat(sessions.retrieveSession(session.getId()).block()).isNull();
    }

    @Test
    void theExpiredAreRemovedAndTheOthersKept() {
        WebSession old = started();
        clock.advance(IDLE.minusMinutes(1));
        WebSession recent = started();
        clock.advance(Duration.ofMinutes(2));

        assertThat(sessions.removeExpired()).isOne();
        assertThat(sessions.retrieveSession(old.getId()).block()).isNull();
        assertThat(sessions.retrieveSession(recent.getId()).block()).isNotNull();
    }

    @Test
    void aStoredSessionThatCannotBeReadIsGoneAndRemoved() {
        WebSession session = started();
        // As after an upgrade whose classes no longer read what the release before wrote.
        collection.updateOne(new Document(), Updates.set("attributes", new Binary(new byte[] {1, 2, 3})));

        assertThat(sessions.retrieveSession(session.getId()).block()).isNull();
        assertThat(collection.countDocuments()).isZero();
    }

    @Test
    void aSessionNeverStartedIsNotStored() {
        WebSession session = sessions.createWebSession().block();

        session.save().block();

        assertThat(collection.countDocuments()).isZero();
    }

    private WebSession started() {
        WebSession session = sessions.createWebSession().block();
        session.getAttributes().put("language", "sv");
        session.save().block();
        return session;
    }

    private void touchedAndSaved(String id) {
        WebSession read = sessions.retrieveSession(id).block();
        sessions.updateLastAccessTime(read).block();
        read.save().block();
    }

    private Instant lastAccess() {
        return collection.find().first().getDate("lastAccess").toInstant();
    }
}
