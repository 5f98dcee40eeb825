package se.samverka.platform.messaging.consumer;

import com.mongodb.bulk.BulkWriteResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.samverka.platform.events.EventEnvelope;

/**
 * A read model kept per aggregate from its events, applying an event only if its sequence is the next one for that
 * aggregate. The view and the sequence it reflects live in one document and change in one conditional write, so a
 * crash or a redelivery can neither apply an event twice nor lose one:
 *
 * <pre>{ _id: aggregateId, sequence, eventTime, view: {...} }</pre>
 *
 * Duplicates are skipped and counted; a gap (an event whose predecessors the read model lacks) is counted and
 * thrown as a {@link MissingEventsException}, for the consumer to re-read the missing events from the log.
 */
public class ProjectionStore<V> {

    static final String SEQUENCE = "sequence";
    static final String EVENT_TIME = "eventTime";
    static final String VIEW = "view";
    /** What {@link Beside} keeps beside the view. */
    public static final String BESIDE = "beside";

    private final MongoOperations mongo;
    private final String collection;
    private final Class<V> viewType;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter gaps;

    ProjectionStore(MongoOperations mongo, MeterRegistry meters, String collection, Class<V> viewType) {
        this.mongo = mongo;
        this.collection = collection;
        this.viewType = viewType;
        this.applied = Counter.builder("samverka.events.applied").tag("projection", collection)
                .description("Events applied to a read model").register(meters);
        this.duplicates = Counter.builder("samverka.events.duplicates").tag("projection", collection)
                .description("Events skipped because the read model had them already").register(meters);
        this.gaps = Counter.builder("samverka.events.gaps").tag("projection", collection)
                .description("Events not applied because earlier events of the aggregate are missing").register(meters);
        // The newest event's time, which every report's freshness asks for, is read from the end of an index.
        mongo.indexOps(collection).createIndex(new Index().on(EVENT_TIME, Sort.Direction.DESC));
    }

    public String collection() {
        return collection;
    }

    /**
     * Applies an event if it is the next of its aggregate.
     *
     * @param change the new view from the current one (empty before the aggregate's first event, or while no event
     *               made a view yet); null keeps no view, only the sequence
     * @throws MissingEventsException when earlier events of the aggregate are missing; nothing is applied
     */
    public ApplyOutcome apply(EventEnvelope event, Function<Optional<V>, V> change) {
        return apply(event, change, Beside.nothing());
    }

    /** As {@link #apply(EventEnvelope, Function)}, keeping what {@code beside} says beside the view. */
    public ApplyOutcome apply(EventEnvelope event, Function<Optional<V>, V> change, Beside<V> beside) {
        while (true) {
            Document current = mongo.findById(event.aggregateId(), Document.class, collection);
            long last = current == null ? 0 : ((Number) current.get(SEQUENCE)).longValue();
            if (!isNext(event, last)) {
                return ApplyOutcome.DUPLICATE;
            }
            Optional<V> before = Optional.ofNullable(current).flatMap(this::view);
            V next = change.apply(before);
            Document kept = beside.beforeWrite(List.of(new Beside.Changed<>(event.aggregateId(), before.orElse(null),
                    current == null ? null : current.get(BESIDE, Document.class), next))).get(event.aggregateId());
            if (current == null ? insert(event, next, kept) : replace(event, last, next, kept)) {
                beside.afterWrite();
                applied.increment();
                return ApplyOutcome.APPLIED;
            }
            // Another consumer wrote the aggregate meanwhile (a rebalance): read again and decide anew.
        }
    }

    /**
     * Applies a batch of events in their order, with one read of the aggregates they concern and one bulk write of
     * what changed. Each event is held to the sequence as in {@link #apply}; one whose predecessors are missing is not
     * applied and comes back in the result. Should another writer change one of the aggregates meanwhile (a consumer
     * after a rebalance, a gap being filled), the batch fails: applying its events again one by one with
     * {@link #apply} then skips what it did write.
     *
     * @param changes the change each event makes, as for {@link #apply}
     * @return the events not applied because earlier events of their aggregates are missing
     * @throws IllegalStateException when another writer changed an aggregate meanwhile; part of the batch may be
     *                               written
     */
    public List<MissingEventsException> applyAll(List<EventEnvelope> events,
                                                 Function<EventEnvelope, Function<Optional<V>, V>> changes) {
        return applyAll(events, changes, Beside.nothing());
    }

    /**
     * As {@link #applyAll(List, Function)}, keeping what {@code beside} says beside the views; its
     * {@link Beside#beforeWrite} also serves what must be durable before the views that tell it were (a crash in
     * between repeats the batch).
     */
    public List<MissingEventsException> applyAll(List<EventEnvelope> events,
                                                 Function<EventEnvelope, Function<Optional<V>, V>> changes,
                                                 Beside<V> beside) {
        Map<String, Entry<V>> entries = new LinkedHashMap<>();
        Map<String, Document> keptBefore = new HashMap<>();
        Query concerned = Query.query(Criteria.where("_id").in(events.stream().map(EventEnvelope::aggregateId)
                .distinct().toList()));
        for (Document document : mongo.find(concerned, Document.class, collection)) {
            entries.put(document.getString("_id"), new Entry<>(((Number) document.get(SEQUENCE)).longValue(),
                    document.getDate(EVENT_TIME).toInstant(), view(document).orElse(null)));
            keptBefore.put(document.getString("_id"), document.get(BESIDE, Document.class));
        }
        List<MissingEventsException> missing = new ArrayList<>();
        Map<String, Entry<V>> changed = new LinkedHashMap<>();
        int applicable = 0;
        for (EventEnvelope event : events) {
            Entry<V> current = changed.getOrDefault(event.aggregateId(), entries.get(event.aggregateId()));
            try {
                if (isNext(event, current == null ? 0 : current.sequence())) {
                    V view = changes.apply(event).apply(Optional.ofNullable(current).map(Entry::view));
                    changed.put(event.aggregateId(), new Entry<>(event.sequence(), event.time().toInstant(), view));
                    applicable++;
                }
            } catch (MissingEventsException gap) {
                missing.add(gap);
            }
        }
        if (!changed.isEmpty()) {
            Map<String, Document> kept = beside.beforeWrite(changed.entrySet().stream()
                    .map(change -> new Beside.Changed<>(change.getKey(), Optional.ofNullable(entries.get(
                            change.getKey())).map(Entry::view).orElse(null), keptBefore.get(change.getKey()),
                            change.getValue().view()))
                    .toList());
            write(entries, changed, kept);
            beside.afterWrite();
            applied.increment(applicable);
        }
        return missing;
    }

    /**
     * Whether the event is the next of its aggregate, whose view reflects {@code last}: false for a duplicate, which
     * is counted; a gap is counted and thrown.
     */
    private boolean isNext(EventEnvelope event, long last) {
        if (event.sequence() <= last) {
            duplicates.increment();
            return false;
        }
        if (event.sequence() > last + 1) {
            gaps.increment();
            throw new MissingEventsException(collection, event, last + 1);
        }
        return true;
    }

    private record Entry<V>(long sequence, Instant eventTime, V view) {
    }

    private void write(Map<String, Entry<V>> before, Map<String, Entry<V>> after, Map<String, Document> kept) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        after.forEach((id, entry) -> {
            Entry<V> was = before.get(id);
            if (was == null) {
                bulk.insert(keeping(new Document("_id", id).append(SEQUENCE, entry.sequence())
                        .append(EVENT_TIME, entry.eventTime()).append(VIEW, toDocument(entry.view())), kept.get(id)));
            } else {
                bulk.updateOne(Query.query(Criteria.where("_id").is(id).and(SEQUENCE).is(was.sequence())),
                        keeping(new Update().set(SEQUENCE, entry.sequence()).set(EVENT_TIME, entry.eventTime())
                                .set(VIEW, toDocument(entry.view())), kept.get(id)));
            }
        });
        BulkWriteResult result = bulk.execute();
        if (result.getInsertedCount() + result.getMatchedCount() != after.size()) {
            throw new IllegalStateException("another writer changed " + collection + " while a batch was applied");
        }
    }

    public Optional<V> find(String aggregateId) {
        return Optional.ofNullable(mongo.findById(aggregateId, Document.class, collection)).flatMap(this::view);
    }

    /** The views of the aggregates named, by id; those without one are left out. */
    public Map<String, V> find(Collection<String> aggregateIds) {
        Map<String, V> views = new HashMap<>();
        findKept(aggregateIds).forEach((id, kept) -> {
            if (kept.view() != null) {
                views.put(id, kept.view());
            }
        });
        return views;
    }

    /** A view with what is kept beside it ({@link Beside}); either may be null. */
    public record Kept<V>(V view, Document beside) {
    }

    /** The views of the aggregates named, with what is kept beside each, by id. */
    public Map<String, Kept<V>> findKept(Collection<String> aggregateIds) {
        Map<String, Kept<V>> kept = new HashMap<>();
        for (Document document : mongo.find(Query.query(Criteria.where("_id").in(aggregateIds)), Document.class,
                collection)) {
            kept.put(document.getString("_id"), new Kept<>(view(document).orElse(null),
                    document.get(BESIDE, Document.class)));
        }
        return kept;
    }

    /** What is kept beside every aggregate's view, by id; null for one with nothing beside it. */
    public Map<String, Document> allKept() {
        Query all = new Query();
        all.fields().include(BESIDE);
        Map<String, Document> kept = new HashMap<>();
        try (Stream<Document> documents = mongo.stream(all, Document.class, collection)) {
            documents.forEach(document -> kept.put(document.getString("_id"), document.get(BESIDE, Document.class)));
        }
        return kept;
    }

    /** Keeps other documents beside the views named, the views and their sequences as they are. */
    public void keep(Map<String, Document> beside) {
        if (beside.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, collection);
        beside.forEach((id, kept) -> bulk.updateOne(Query.query(Criteria.where("_id").is(id)),
                new Update().set(BESIDE, kept)));
        bulk.execute();
    }

    /** The ids of the aggregates whose documents match; criteria name view fields as {@code view.<field>}. */
    public List<String> ids(Criteria criteria) {
        Query matching = Query.query(criteria);
        matching.fields().include("_id");
        return mongo.find(matching, Document.class, collection).stream().map(document -> document.getString("_id"))
                .toList();
    }

    /** Views matching a query; criteria name view fields as {@code view.<field>}. */
    public List<V> find(Query query) {
        return mongo.find(query, Document.class, collection).stream().map(this::view).flatMap(Optional::stream).toList();
    }

    /** Views matching a query, by aggregate id in the query's order (a page of them); criteria as for {@link #find}. */
    public Map<String, V> findInOrder(Query query) {
        Map<String, V> views = new LinkedHashMap<>();
        for (Document document : mongo.find(query, Document.class, collection)) {
            view(document).ifPresent(view -> views.put(document.getString("_id"), view));
        }
        return views;
    }

    /** Views matching the criteria, by aggregate id in the order of the ids; criteria as for {@link #find(Query)}. */
    public Map<String, V> findAll(Criteria criteria) {
        Map<String, V> views = new TreeMap<>();
        for (Document document : mongo.find(Query.query(criteria), Document.class, collection)) {
            view(document).ifPresent(view -> views.put(document.getString("_id"), view));
        }
        return views;
    }

    /**
     * Every view, by aggregate id in the order of the ids. Read unsorted and a batch at a time, each document made a
     * view as it comes, so that neither the store nor this service holds the documents of all of them at once.
     */
    public Map<String, V> findAll() {
        Map<String, V> views = new TreeMap<>();
        try (Stream<Document> documents = mongo.stream(new Query(), Document.class, collection)) {
            documents.forEach(document -> view(document).ifPresent(view -> views.put(document.getString("_id"), view)));
        }
        return views;
    }

    /** The sequence each aggregate's view reflects, by aggregate id. */
    public Map<String, Long> sequences() {
        Query all = new Query();
        all.fields().include(SEQUENCE);
        Map<String, Long> sequences = new HashMap<>();
        for (Document document : mongo.find(all, Document.class, collection)) {
            sequences.put(document.getString("_id"), ((Number) document.get(SEQUENCE)).longValue());
        }
        return sequences;
    }

    /** The sequence the aggregate's view reflects, 0 when it has none. */
    public long sequence(String aggregateId) {
        Query one = Query.query(Criteria.where("_id").is(aggregateId));
        one.fields().include(SEQUENCE);
        Document document = mongo.findOne(one, Document.class, collection);
        return document == null ? 0 : ((Number) document.get(SEQUENCE)).longValue();
    }

    /** How many aggregates have a view. */
    public long count() {
        return mongo.count(Query.query(Criteria.where(VIEW).ne(null)), collection);
    }

    /** How many views have each value of a field, e.g. {@code countBy("status")}; views without it count as "UNKNOWN". */
    public Map<String, Long> countBy(String viewField) {
        Aggregation byField = Aggregation.newAggregation(Aggregation.match(Criteria.where(VIEW).ne(null)),
                Aggregation.group(VIEW + "." + viewField).count().as("count"));
        Map<String, Long> counts = new TreeMap<>();
        for (Document group : mongo.aggregate(byField, collection, Document.class)) {
            Object value = group.get("_id");
            counts.merge(value == null ? "UNKNOWN" : value.toString(), ((Number) group.get("count")).longValue(), Long::sum);
        }
        return counts;
    }

    /** When the newest event this read model applied happened, or empty before the first. */
    public Optional<Instant> lastEventTime() {
        Query newest = new Query().with(Sort.by(Sort.Direction.DESC, EVENT_TIME)).limit(1);
        newest.fields().include(EVENT_TIME);
        return Optional.ofNullable(mongo.findOne(newest, Document.class, collection))
                .map(document -> document.getDate(EVENT_TIME).toInstant());
    }

    private static Document keeping(Document document, Document kept) {
        return kept == null ? document : document.append(BESIDE, kept);
    }

    private static Update keeping(Update update, Document kept) {
        return kept == null ? update : update.set(BESIDE, kept);
    }

    private boolean insert(EventEnvelope event, V view, Document kept) {
        try {
            mongo.insert(keeping(new Document("_id", event.aggregateId())
                    .append(SEQUENCE, event.sequence())
                    .append(EVENT_TIME, event.time().toInstant())
                    .append(VIEW, toDocument(view)), kept), collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private boolean replace(EventEnvelope event, long last, V view, Document kept) {
        Query unchanged = Query.query(Criteria.where("_id").is(event.aggregateId()).and(SEQUENCE).is(last));
        Update update = keeping(new Update()
                .set(SEQUENCE, event.sequence())
                .set(EVENT_TIME, event.time().toInstant())
                .set(VIEW, toDocument(view)), kept);
        return mongo.updateFirst(unchanged, update, collection).getMatchedCount() == 1;
    }

    private Optional<V> view(Document document) {
        Document view = document.get(VIEW, Document.class);
        return view == null ? Optional.empty() : Optional.of(mongo.getConverter().read(viewType, view));
    }

    private Document toDocument(V view) {
        return view == null ? null : (Document) mongo.getConverter().convertToMongoType(view, TypeInformation.of(viewType));
    }
}
