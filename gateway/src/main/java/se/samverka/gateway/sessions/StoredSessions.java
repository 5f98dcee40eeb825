package se.samverka.gateway.sessions;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.MongoException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The browsers' sessions kept in the platform's store rather than in one gateway's memory (ADR 0024): every gateway
 * instance knows every session, and a gateway that restarts logs no one out. A session is written when what it holds
 * changes, or at most once a minute to note that it is still in use; a request that only reads it writes nothing.
 * A login's writes are journaled before the answer; the rest need not be.
 * The store knows a session by a hash of its id, so reading the store gives no one a session to borrow.
 */
class StoredSessions implements WebSessionStore {

    /** How stale the stored last access may be: an idle timeout of minutes does not need each request noted. */
    static final Duration NOTED_EVERY = Duration.ofMinutes(1);
    private static final int ID_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(StoredSessions.class);

    /** The attribute that holds a browser's login. */
    private static final String LOGIN =
            WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME;
    private static final WriteConcern UNJOURNALED = WriteConcern.W1.withJournal(false);

    private final MongoCollection<Document> sessions;
    private final MongoCollection<Document> unjournaled;
    private final Duration maxIdleTime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StoredSessions(MongoCollection<Document> sessions, Duration maxIdleTime, Clock clock) {
        this.sessions = sessions;
        this.unjournaled = sessions.withWriteConcern(UNJOURNALED);
        this.maxIdleTime = maxIdleTime;
        this.clock = clock;
        try {
            indexExpiry();
        } catch (MongoException e) {
            log.warn("The sessions' expiry is indexed at the next removal of expired sessions: {}", e.toString());
        }
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return Mono.fromSupplier(() -> new StoredSession(newId(), clock.instant(), maxIdleTime, null));
    }

    @Override
    public Mono<WebSession> retrieveSession(String id) {
        return inStore(() -> sessions.find(eq("_id", key(id))).first())
                .flatMap(stored -> {
                    StoredSession session;
                    try {
                        session = new StoredSession(id, stored.getDate("created").toInstant(),
                                Duration.ofSeconds(stored.getLong("maxIdleSeconds")), stored);
                    } catch (IllegalStateException unreadable) {
                        // Written by an older release whose classes have changed since: the browser logs in again.
                        log.info("A stored session could not be read and is removed: {}",
                                unreadable.getCause().toString());
                        return removeSession(id).then(Mono.<WebSession>empty());
                    }
                    return session.isExpired() ? removeSession(id).then(Mono.<WebSession>empty()) : Mono.just(session);
                });
    }

    @Override
    public Mono<Void> removeSession(String id) {
        return inStore(() -> sessions.deleteOne(eq("_id", key(id)))).then();
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession session) {
        return Mono.fromSupplier(() -> {
            ((StoredSession) session).lastAccessTime = clock.instant();
            return session;
        });
    }

    /** Removes the sessions that ended by being idle too long: no one can use them, and nothing else would. */
    long removeExpired() {
        indexExpiry();
        return sessions.deleteMany(lt("expiresAt", Date.from(clock.instant()))).getDeletedCount();
    }

    private void indexExpiry() {
        sessions.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().name("expiresAt"));
    }

    private String newId() {
        byte[] id = new byte[ID_BYTES];
        random.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    private static String key(String id) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(id.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The driver blocks: its calls run beside the event loop, never on it. */
    private static <T> Mono<T> inStore(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }

    private static byte[] serialized(Map<String, Object> attributes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(attributes));
        } catch (IOException e) {
            throw new UncheckedIOException("a session attribute that cannot be kept", e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deserialized(byte[] stored) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(stored))) {
            return (Map<String, Object>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("a stored session that cannot be read", e);
        }
    }

    private final class StoredSession implements WebSession {

        private final Map<String, Object> attributes = new ConcurrentHashMap<>();
        private final Instant creationTime;
        private volatile String id;
        private volatile Instant lastAccessTime;
        private volatile Duration maxIdleTime;
        private volatile boolean started;
        private volatile boolean invalidated;
        /** What the store holds of this session: its id, attributes and last access; null while it holds nothing. */
        private volatile String storedId;
        private volatile byte[] storedAttributes;
        private volatile Instant storedAccess;

        private StoredSession(String id, Instant creationTime, Duration maxIdleTime, Document stored) {
            this.id = id;
            this.creationTime = creationTime;
            this.lastAccessTime = creationTime;
            this.maxIdleTime = maxIdleTime;
            if (stored != null) {
                this.started = true;
                this.storedId = id;
                this.storedAttributes = ((Binary) stored.get("attributes")).getData();
                this.storedAccess = stored.getDate("lastAccess").toInstant();
                this.lastAccessTime = storedAccess;
                this.attributes.putAll(deserialized(storedAttributes));
            }
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public Map<String, Object> getAttributes() {
            return attributes;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public boolean isStarted() {
            return started || !attributes.isEmpty();
        }

        /** A new id for the same session, as at a login, so an id someone planted before it is worth nothing. */
        @Override
        public Mono<Void> changeSessionId() {
            return Mono.fromRunnable(() -> id = newId());
        }

        @Override
        public Mono<Void> invalidate() {
            invalidated = true;
            attributes.clear();
            String stored = storedId;
            storedId = null;
            return stored == null ? Mono.empty() : removeSession(stored);
        }

        @Override
        public Mono<Void> save() {
            if (invalidated || !isStarted()) {
                return Mono.empty();
            }
            byte[] now = serialized(attributes);
            Instant accessed = lastAccessTime;
            boolean sameContent = id.equals(storedId) && Arrays.equals(now, storedAttributes);
            if (sameContent && storedAccess.plus(NOTED_EVERY).isAfter(accessed)) {
                return Mono.empty();
            }
            // Journaled only what a browser would miss: a login, its tokens, its end. A login under way, or the note
            // that a session is in use, costs a repetition if a crash loses it, and anyone can start one.
            MongoCollection<Document> store = !sameContent && attributes.containsKey(LOGIN) ? sessions : unjournaled;
            String previous = storedId;
            String current = id;
            Document document = new Document("_id", key(current))
                    .append("attributes", new Binary(now))
                    .append("created", Date.from(creationTime))
                    .append("lastAccess", Date.from(accessed))
                    .append("maxIdleSeconds", maxIdleTime.toSeconds())
                    .append("expiresAt", maxIdleTime.isNegative() ? null : Date.from(accessed.plus(maxIdleTime)));
            return inStore(() -> {
                store.replaceOne(eq("_id", key(current)), document, new ReplaceOptions().upsert(true));
                if (previous != null && !previous.equals(current)) {
                    store.deleteOne(eq("_id", key(previous)));
                }
                storedId = current;
                storedAttributes = now;
                storedAccess = accessed;
                return current;
            }).then();
        }

        @Override
        public boolean isExpired() {
            return invalidated || !maxIdleTime.isNegative()
                    && clock.instant().isAfter(lastAccessTime.plus(maxIdleTime));
        }

        @Override
        public Instant getCreationTime() {
            return creationTime;
        }

        @Override
        public Instant getLastAccessTime() {
            return lastAccessTime;
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            this.maxIdleTime = maxIdleTime;
        }

        @Override
        public Duration getMaxIdleTime() {
            return maxIdleTime;
        }
    }
}
