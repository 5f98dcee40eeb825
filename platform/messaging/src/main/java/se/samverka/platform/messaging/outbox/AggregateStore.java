package se.samverka.platform.messaging.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Stores one aggregate type with its outbox. A document holds the aggregate's id, its version, its state and the
 * events not yet published:
 *
 * <pre>{ _id, version, state: {...}, outbox: [ {eventId, type, topic, sequence, time, data, traceparent} ], ... }</pre>
 *
 * Every change is one atomic single-document write that sets the new state, appends the events announcing it and
 * raises the version by their number, so state and events are stored together or not at all, without MongoDB
 * transactions.
 * Updates are conditional on the version the caller read: a stale one is an {@link OptimisticLockingFailureException}.
 */
public class AggregateStore<S> {

    static final String VERSION = "version";
    static final String STATE = "state";
    static final String OUTBOX = "outbox";
    static final String CREATED_AT = "createdAt";
    static final String UPDATED_AT = "updatedAt";
    /** The first pending event's id: an aggregate has it while it has events to publish. */
    static final String FIRST_PENDING = OUTBOX + ".0.eventId";

    private final MongoOperations mongo;
    private final EventRecorder recorder;
    private final Consumer<String> onEventRecorded;
    private final String collection;
    private final Class<S> stateType;

    AggregateStore(MongoOperations mongo, EventRecorder recorder, Consumer<String> onEventRecorded, String collection,
                   Class<S> stateType) {
        this.mongo = mongo;
        this.recorder = recorder;
        this.onEventRecorded = onEventRecorded;
        this.collection = collection;
        this.stateType = stateType;
        // The relay's sweep asks for the few aggregates with pending events among all of them: a sparse index holds
        // just those, so the sweep does not read every aggregate (every ten seconds, 85,000 projects took a tenth of
        // the embedded store's core while nothing happened).
        mongo.indexOps(collection).createIndex(new Index().on(FIRST_PENDING, Sort.Direction.ASC).sparse()
                .named("pending_events"));
    }

    public String collection() {
        return collection;
    }

    /**
     * Makes a state field unique among the aggregates that have it (a sparse unique index): a write that would
     * repeat a value fails with {@link DuplicateKeyException}.
     */
    public void ensureUniqueIndex(String stateField) {
        mongo.indexOps(collection).createIndex(new Index().on(STATE + "." + stateField, Sort.Direction.ASC).unique().sparse());
    }

    /**
     * Gives each field a list is sorted or filtered by an index of its own, so that a page is read in order, and a
     * filtered list reads only what matches, rather than every aggregate (the embedded store keeps such an index too).
     *
     * @param fields the fields' paths in the stored document, e.g. {@code state.name} or {@code createdAt}
     */
    public void ensureIndexes(Collection<String> fields) {
        fields.forEach(field -> mongo.indexOps(collection).createIndex(new Index().on(field, Sort.Direction.ASC)));
    }

    public Optional<Versioned<S>> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Document.class, collection)).map(this::toVersioned);
    }

    /** Aggregates matching a query on their state; criteria name state fields as {@code state.<field>}. */
    public List<Versioned<S>> find(Query query) {
        query.fields().exclude(OUTBOX);
        return mongo.find(query, Document.class, collection).stream().map(this::toVersioned).toList();
    }

    /**
     * One page of the aggregates matching a query, in the page's order. Where the query asks for all of them, their
     * number is the collection's, which the store keeps, rather than a count of every document.
     */
    public Page<Versioned<S>> find(Query query, Pageable pageable) {
        long total = query.getQueryObject().isEmpty() ? mongo.estimatedCount(collection)
                : mongo.count(Query.of(query).limit(0).skip(0), collection);
        return new PageImpl<>(find(Query.of(query).with(pageable)), pageable, total);
    }

    public boolean exists(String id) {
        return mongo.exists(Query.query(Criteria.where("_id").is(id)), collection);
    }

    /** Creates the aggregate as a command's {@link Change} made it, with the events that announce it. */
    public Versioned<S> create(String id, Change<S> change) {
        return create(id, change.state(), change.events().toArray());
    }

    /** Stores a command's {@link Change} of the aggregate read at {@code current}: its state and its events. */
    public Versioned<S> update(Versioned<S> current, Change<S> change) {
        return update(current, change.state(), change.events().toArray());
    }

    /**
     * Creates the aggregate with the events that announce it: version 1 after the first event, one more per event.
     *
     * @throws DuplicateKeyException when the id, or a uniquely indexed state field, is taken
     */
    public Versioned<S> create(String id, S state, Object... events) {
        List<OutboxEntry> entries = record(0, events);
        mongo.insert(created(id, state, entries), collection);
        onEventRecorded.accept(id);
        return new Versioned<>(id, entries.size(), state);
    }

    /**
     * Creates the aggregates, in the order given, in one write of the store (an import's): each as {@link #create}
     * would, with the events that announce it.
     *
     * @throws DuplicateKeyException when an id, or a uniquely indexed state field, is taken; the aggregates before it
     *                               are created
     */
    public List<Versioned<S>> createAll(Map<String, Change<S>> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Document> documents = new ArrayList<>();
        List<Versioned<S>> versions = new ArrayList<>();
        changes.forEach((id, change) -> {
            List<OutboxEntry> entries = record(0, change.events().toArray());
            documents.add(created(id, change.state(), entries));
            versions.add(new Versioned<>(id, entries.size(), change.state()));
        });
        mongo.insert(documents, collection);
        changes.keySet().forEach(onEventRecorded);
        return versions;
    }

    private Document created(String id, S state, List<OutboxEntry> entries) {
        Instant now = entries.get(0).time();
        return new Document("_id", id)
                .append(VERSION, (long) entries.size())
                .append(STATE, toDocument(state))
                .append(OUTBOX, entries.stream().map(this::toDocument).toList())
                .append(CREATED_AT, now)
                .append(UPDATED_AT, now);
    }

    /**
     * Replaces the state of the aggregate read at {@code current} and appends the events announcing the change. Each
     * event raises the version by one, and carries the version after it as its sequence.
     *
     * @throws OptimisticLockingFailureException when the aggregate changed since {@code current} was read
     */
    public Versioned<S> update(Versioned<S> current, S newState, Object... events) {
        List<OutboxEntry> entries = record(current.version(), events);
        long version = current.version() + entries.size();
        Query unchanged = Query.query(Criteria.where("_id").is(current.id()).and(VERSION).is(current.version()));
        Update change = new Update()
                .set(VERSION, version)
                .set(STATE, toDocument(newState))
                .set(UPDATED_AT, entries.get(entries.size() - 1).time());
        change.push(OUTBOX).each(entries.stream().map(this::toDocument).toArray());
        if (mongo.updateFirst(unchanged, change, collection).getMatchedCount() == 0) {
            throw new OptimisticLockingFailureException("%s %s is no longer at version %d"
                    .formatted(collection, current.id(), current.version()));
        }
        onEventRecorded.accept(current.id());
        return new Versioned<>(current.id(), version, newState);
    }

    private List<OutboxEntry> record(long version, Object... events) {
        if (events.length == 0) {
            throw new IllegalArgumentException("every change of " + collection + " is announced by an event");
        }
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < events.length; i++) {
            entries.add(recorder.record(events[i], version + i + 1));
        }
        return entries;
    }

    private Versioned<S> toVersioned(Document document) {
        S state = mongo.getConverter().read(stateType, document.get(STATE, Document.class));
        return new Versioned<>(document.getString("_id"), ((Number) document.get(VERSION)).longValue(), state);
    }

    private Document toDocument(Object value) {
        return (Document) mongo.getConverter().convertToMongoType(value, TypeInformation.of(value.getClass()));
    }
}
