package se.samverka.platform.runtime;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryMatcher;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.MaxKey;
import de.bwaldvogel.mongo.bson.MinKey;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A secondary index on one field, which mongo-java-server accepts but does not keep: the documents in the order a
 * sort by the field puts them, by the value a sort compares (a missing field as such), ties by position. A sorted page
 * reads it from one end until the page is full ({@link StoreCollection}) instead of sorting every document. It is
 * held in memory, built from the documents when a page first needs it, not when the store opens: a store of 85,000
 * projects took 37 s to open while it built its indexes. The documents alone are what is durable.
 *
 * <p>It also finds the documents whose field is a value, or holds it in an array ({@code {field: value}}, as a list's
 * filter asks), by that value: a filtered list reads only what matches, and counts it without reading it.
 *
 * <p>A sparse one holds only the documents that have the field, as a query for it ({@code $exists: true}) finds
 * them, in the order of their positions: no page is sorted by it (it lacks the others), but it finds those documents
 * without reading the rest, as the outbox relay's sweep asks for the few aggregates with pending events among all.
 */
final class OrderIndex extends Index<Object> {

    private static final Comparator<Entry> ORDER = Comparator.comparing(Entry::value, ValueComparator.asc())
            .thenComparing(Entry::position, ValueComparator.asc());

    /** What a sparse index's entries hold for a value: only whether the document has the field matters. */
    private static final String HAS_FIELD = "";

    private final String field;
    private final Document hasField;
    private final QueryMatcher matcher = new DefaultQueryMatcher();
    private final NavigableSet<Entry> entries = new ConcurrentSkipListSet<>(ORDER);
    /** The positions of the documents by each value their field is or holds; not kept for a sparse index. */
    private final NavigableMap<Object, Set<Object>> members = new ConcurrentSkipListMap<>(ValueComparator.asc());
    /** Whether the entries in order, and the positions by value, are kept: each is built when first read. */
    private boolean ordered;
    private boolean compared;

    OrderIndex(String name, IndexKey key, boolean sparse) {
        super(name, List.of(key), sparse);
        this.field = key.getKey();
        this.hasField = new Document(field, new Document("$exists", true));
    }

    /** An index entry: the value a sort by the field compares, and where the document is kept (its id). */
    record Entry(Object value, Object position) {
    }

    String field() {
        return field;
    }

    boolean sparse() {
        return isSparse();
    }

    /**
     * Whether pages and equalities may be read from it: not for a sparse index (it lacks documents) nor for a path
     * with a position in an array ({@code outbox.0.eventId}), whose values mongo-java-server's path reading misses.
     */
    boolean readsValues() {
        return !isSparse() && Arrays.stream(field.split("\\.")).noneMatch(part -> part.matches("\\d+"));
    }

    /** What of it is built: {@code ordered} (its entries in order), {@code compared} (positions by value), both or none. */
    String built() {
        return (ordered ? "ordered" : "") + (ordered && compared ? " " : "") + (compared ? "compared" : "");
    }

    /**
     * Builds what {@link #built} said was built, from the documents: what a run before had built, for the first request
     * after a start not to wait for it. The caller holds the collection's lock.
     */
    void build(String what, Supplier<Stream<DocumentWithPosition<Object>>> documents) {
        if (what.contains("ordered")) {
            inOrder(true, documents);
        }
        if (what.contains("compared")) {
            equalTo(List.of(), documents);
        }
    }

    /**
     * The entries from the lowest value up, or from the highest down, the entries of one value in the order of their
     * positions either way; the first time, from the documents (with their positions) as they are. The caller holds
     * the collection's lock, under which every write changes the index.
     */
    Iterable<Entry> inOrder(boolean ascending, Supplier<Stream<DocumentWithPosition<Object>>> documents) {
        if (!ordered) {
            documents.get().filter(document -> holds(document.getDocument()))
                    .forEach(document -> entries.add(entry(document.getDocument(), document.getPosition())));
            ordered = true;
        }
        return ascending ? entries : this::fromTheHighestValue;
    }

    /**
     * Each value's entries from the highest value down: a skip list's descending walk searches anew for every step,
     * which made a page by score (tens of thousands of one score) take a second; this searches once per value.
     */
    private Iterator<Entry> fromTheHighestValue() {
        return new Iterator<>() {
            private Entry next = entries.isEmpty() ? null : entries.last();
            private Iterator<Entry> value = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                if (!value.hasNext() && next != null) {
                    value = entries.subSet(new Entry(next.value(), MinKey.getInstance()), true,
                            new Entry(next.value(), MaxKey.getInstance()), true).iterator();
                    next = entries.lower(new Entry(next.value(), MinKey.getInstance()));
                }
                return value.hasNext();
            }

            @Override
            public Entry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return value.next();
            }
        };
    }

    /**
     * The positions of the documents whose field is one of the values or holds one in an array, as an equality or
     * {@code $in} finds them; values are neither null nor documents nor arrays (the caller sees to it).
     */
    Set<Object> equalTo(Collection<?> values, Supplier<Stream<DocumentWithPosition<Object>>> documents) {
        if (!compared) {
            documents.get().forEach(document -> addMember(entry(document.getDocument(), document.getPosition())));
            compared = true;
        }
        Set<Object> positions = new HashSet<>();
        values.forEach(value -> positions.addAll(members.getOrDefault(value, Set.of())));
        return positions;
    }

    /**
     * The values a document's field is or holds, as an equality on the field compares them; not null, which no lookup
     * asks for (an equality with null matches a missing field too).
     */
    private List<Object> valuesOf(Entry entry) {
        if (isSparse()) {
            return List.of();
        }
        Collection<?> values = entry.value() instanceof Collection<?> held ? held
                : Collections.singletonList(entry.value());
        return values.stream().filter(value -> value != null && !(value instanceof Missing))
                .map(Object.class::cast).toList();
    }

    private Entry entry(Document document, Object position) {
        return new Entry(isSparse() ? HAS_FIELD : Utils.getSubdocumentValueCollectionAware(document, field), position);
    }

    /** Whether the index holds the document: every one, or where it is sparse, one that has the field. */
    private boolean holds(Document document) {
        return !isSparse() || matcher.matches(document, hasField);
    }

    /** Keeps the document in what is built of the index. */
    private void add(Document document, Object position) {
        if ((ordered || compared) && holds(document)) {
            Entry entry = entry(document, position);
            if (ordered) {
                entries.add(entry);
            }
            if (compared) {
                addMember(entry);
            }
        }
    }

    private void addMember(Entry entry) {
        valuesOf(entry).forEach(value ->
                members.computeIfAbsent(value, key -> ConcurrentHashMap.newKeySet()).add(entry.position()));
    }

    private void remove(Entry entry) {
        entries.remove(entry);
        valuesOf(entry).forEach(value -> members.computeIfPresent(value, (key, positions) -> {
            positions.remove(entry.position());
            return positions.isEmpty() ? null : positions;
        }));
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        add(document, position);
    }

    /** Where the document was kept, which mongo-java-server asks every index for when it removes one. */
    @Override
    public Object remove(Document document) {
        Object position = Utils.getSubdocumentValue(document, "_id");
        remove(entry(document, position));
        return position;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("an order index is read in order only");
    }

    @Override
    public long getCount() {
        return entries.size();
    }

    /** Never: mongo-java-server builds an index it finds empty when it adds it; this one builds what is first read. */
    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
    }

    /** Most writes leave the field as it was (the relay's lease and clearing do): the entry then stays. */
    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        if (!ordered && !compared) {
            return;
        }
        Entry before = entry(oldDocument, position);
        if (ORDER.compare(before, entry(newDocument, position)) != 0 || holds(oldDocument) != holds(newDocument)) {
            remove(before);
            add(newDocument, position);
        }
    }

    @Override
    public void drop() {
        entries.clear();
        members.clear();
        ordered = false;
        compared = false;
    }
}
