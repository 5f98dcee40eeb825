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
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
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
    private final boolean readsValues;
    private final Document hasField;
    private final QueryMatcher matcher = new DefaultQueryMatcher();
    private ConcurrentSkipListMap<Entry, Boolean> entries = new ConcurrentSkipListMap<>(ORDER);
    /** The positions of the documents by each value their field is or holds; not kept for a sparse index. */
    private final NavigableMap<Object, Set<Object>> members = new ConcurrentSkipListMap<>(ValueComparator.asc());
    /** Whether the entries in order, and the positions by value, are kept: each is built when first read. */
    private boolean ordered;
    private boolean compared;
    /** What the start is building a batch at a time ({@link #startBuilding}), not to be read yet; null if nothing. */
    private Building building;

    OrderIndex(String name, IndexKey key, boolean sparse) {
        super(name, List.of(key), sparse);
        this.field = key.getKey();
        // Once: every query that may use an index asks each index of its collection.
        this.readsValues = !sparse && Arrays.stream(field.split("\\.")).noneMatch(part -> part.matches("\\d+"));
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
        return readsValues;
    }

    /** What of it is built: {@code ordered} (its entries in order), {@code compared} (positions by value), both or none. */
    String built() {
        return (ordered ? "ordered" : "") + (ordered && compared ? " " : "") + (compared ? "compared" : "");
    }

    /**
     * Starts to build what {@link #built} said was built, of what is not kept yet: the documents read a batch at a
     * time are added ({@link #index}), and what the writes meanwhile change is noted, to be changed in the order it
     * was once they are read ({@link #finishBuilding}). A document read after a write changed it holds already what
     * the write made, which the write's change then leaves as it is; so the batches need not stop the writes. Whether
     * there is anything to build. The caller holds the collection's lock.
     */
    boolean startBuilding(String what) {
        boolean order = what.contains("ordered") && !ordered;
        boolean compare = what.contains("compared") && !compared;
        building = order || compare ? new Building(order, compare) : null;
        return building != null;
    }

    /** Adds a document read while it is being built, as it is now. The caller holds the collection's lock. */
    void index(Document document, Object position) {
        if (building != null && holds(document)) {
            building.read.add(entry(document, position));
        }
    }

    /** Every document has been read: keeps what was read, changed as the writes meanwhile did, from now on. */
    void finishBuilding() {
        if (building == null) {
            return;
        }
        if (building.order) {
            addInOrder(building.read);
            ordered = true;
        }
        if (building.compare) {
            building.read.forEach(this::addMember);
            compared = true;
        }
        Building built = building;
        building = null;
        built.changes.forEach(change -> change(change.entry(), change.added(), built.order, built.compare));
    }

    /** Stops building what {@link #startBuilding} began: it is kept again only once a request first reads it. */
    void giveUpBuilding() {
        building = null;
    }

    /** What is being built: which parts, the entries read so far, and what the writes changed meanwhile, in order. */
    private static final class Building {

        private final boolean order;
        private final boolean compare;
        private final List<Entry> read = new ArrayList<>();
        private final List<Change> changes = new ArrayList<>();

        Building(boolean order, boolean compare) {
            this.order = order;
            this.compare = compare;
        }
    }

    /** A write's change of the index: an entry added or removed. */
    private record Change(Entry entry, boolean added) {
    }

    /**
     * Sorted, then made a skip list in one pass, where nothing is kept in order yet: 832,000 entries took the quick
     * compiler 14 s to sort and 34 s to add one at a time (still 14 s in order), and under 0.1 s to make a skip list of.
     */
    private void addInOrder(List<Entry> read) {
        List<Entry> sorted = new ArrayList<>(read);
        sorted.sort(ORDER);
        entries = new ConcurrentSkipListMap<>(new SortedEntries(sorted));
    }

    /**
     * Entries in order as the sorted map a skip list is made from in one pass, which reads only its comparator and
     * its entries; nothing else of it is ever asked for.
     */
    private static final class SortedEntries extends AbstractMap<OrderIndex.Entry, Boolean>
            implements SortedMap<OrderIndex.Entry, Boolean> {

        private final List<OrderIndex.Entry> sorted;

        SortedEntries(List<OrderIndex.Entry> sorted) {
            this.sorted = sorted;
        }

        @Override
        public Comparator<? super OrderIndex.Entry> comparator() {
            return ORDER;
        }

        @Override
        public Set<Map.Entry<OrderIndex.Entry, Boolean>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<OrderIndex.Entry, Boolean>> iterator() {
                    return sorted.stream().map(entry -> Map.entry(entry, Boolean.TRUE)).iterator();
                }

                @Override
                public int size() {
                    return sorted.size();
                }
            };
        }

        @Override
        public SortedMap<OrderIndex.Entry, Boolean> subMap(OrderIndex.Entry fromKey, OrderIndex.Entry toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<OrderIndex.Entry, Boolean> headMap(OrderIndex.Entry toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<OrderIndex.Entry, Boolean> tailMap(OrderIndex.Entry fromKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OrderIndex.Entry firstKey() {
            return sorted.get(0);
        }

        @Override
        public OrderIndex.Entry lastKey() {
            return sorted.get(sorted.size() - 1);
        }
    }

    /**
     * The entries from the lowest value up, the entries of one value in the order of their positions; the first time,
     * from the documents (with their positions) as they are. The caller holds the collection's lock, under which every
     * write changes the index.
     */
    Iterable<Entry> inOrder(Supplier<Stream<DocumentWithPosition<Object>>> documents) {
        requireBuilt(building != null && building.order);
        if (!ordered) {
            addInOrder(documents.get().filter(document -> holds(document.getDocument()))
                    .map(document -> entry(document.getDocument(), document.getPosition())).toList());
            ordered = true;
        }
        return entries.keySet();
    }

    /**
     * The values of its entries, each once, from the lowest up or from the highest down, built as {@link #inOrder} is:
     * a page by score (tens of thousands of one score) reads a value's entries ({@link #entriesOf}) only as far as
     * it needs, and a skip list's descending walk, which searches anew for every step, only once per value.
     */
    Iterable<Object> values(boolean ascending, Supplier<Stream<DocumentWithPosition<Object>>> documents) {
        inOrder(documents);
        return () -> new Iterator<>() {
            private Entry next = entries.isEmpty() ? null : ascending ? entries.firstKey() : entries.lastKey();

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public Object next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                Object value = next.value();
                next = ascending ? entries.higherKey(new Entry(value, MaxKey.getInstance()))
                        : entries.lowerKey(new Entry(value, MinKey.getInstance()));
                return value;
            }
        };
    }

    /** The entries of one value, in the order of their positions. */
    NavigableSet<Entry> entriesOf(Object value) {
        return entries.navigableKeySet().subSet(new Entry(value, MinKey.getInstance()), true,
                new Entry(value, MaxKey.getInstance()), true);
    }

    /** Whether the document at the position has the value, as kept in order. */
    boolean has(Object value, Object position) {
        return entries.containsKey(new Entry(value, position));
    }

    /**
     * The positions of the documents whose field is one of the values or holds one in an array, as an equality or
     * {@code $in} finds them; values are neither null nor documents nor arrays (the caller sees to it). For one value,
     * what the index holds, read under the collection's lock as every write changes it.
     */
    Set<Object> equalTo(Collection<?> values, Supplier<Stream<DocumentWithPosition<Object>>> documents) {
        requireBuilt(building != null && building.compare);
        if (!compared) {
            documents.get().forEach(document -> addMember(entry(document.getDocument(), document.getPosition())));
            compared = true;
        }
        if (values.size() == 1) {
            // Not copied: a filtered list asks for one value, whose documents may be most of the collection.
            return Collections.unmodifiableSet(members.getOrDefault(values.iterator().next(), Set.of()));
        }
        Set<Object> positions = new HashSet<>();
        values.forEach(value -> positions.addAll(members.getOrDefault(value, Set.of())));
        return positions;
    }

    private void requireBuilt(boolean building) {
        if (building) {
            throw new IllegalStateException("The index " + getName() + " is read before it is built");
        }
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
        if (holds(document)) {
            write(entry(document, position), true);
        }
    }

    private void remove(Entry entry) {
        write(entry, false);
    }

    /** A write's change: made to what is kept, and noted where the index is being built. */
    private void write(Entry entry, boolean added) {
        change(entry, added, ordered, compared);
        if (building != null) {
            building.changes.add(new Change(entry, added));
        }
    }

    private void change(Entry entry, boolean added, boolean inOrder, boolean byValue) {
        if (inOrder && added) {
            entries.put(entry, Boolean.TRUE);
        } else if (inOrder) {
            entries.remove(entry);
        }
        if (byValue && added) {
            addMember(entry);
        } else if (byValue) {
            valuesOf(entry).forEach(value -> members.computeIfPresent(value, (key, positions) -> {
                positions.remove(entry.position());
                return positions.isEmpty() ? null : positions;
            }));
        }
    }

    private void addMember(Entry entry) {
        valuesOf(entry).forEach(value ->
                members.computeIfAbsent(value, key -> ConcurrentHashMap.newKeySet()).add(entry.position()));
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
        if (!ordered && !compared && building == null) {
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
        building = null;
    }
}
