package se.samverka.platform.runtime;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * An H2 collection that answers as mongo-java-server's own does, in two places without its cost:
 * <ul>
 * <li>It finds documents by their ids also when the query says more than the ids. mongo-java-server uses an index only
 * for a query on exactly the index's fields, so {@code {_id, version}} (every conditional update of an aggregate or a
 * read model) read the whole collection; here it reads the documents the ids name, in the order the collection keeps
 * them, and matches the rest of the query against them.</li>
 * <li>It reads a collection as a sorted page or an aggregation goes, instead of holding all of it: mongo-java-server
 * sorted every matching document in memory, and handed an aggregation (a count of a filtered list is one) the whole
 * collection as a list, so the first page of a list of 80,000 projects took more heap than the server has, and ended
 * it. A sorted page now keeps only the documents that may be on it.</li>
 * <li>It answers a find that reads the collection in its own order a batch at a time, as MongoDB does ({@link #find}):
 * mongo-java-server put every matching document into its first answer, so a read model's every entry (80,000
 * projects) was held twice over, as documents and as the answer's BSON, and ended the server.</li>
 * </ul>
 */
final class StoreCollection extends H2Collection {

    /** MongoDB's first batch when the client names none. */
    private static final int FIRST_BATCH = 101;
    /** How much a later batch holds when the client names no size; MongoDB's own limit is 16 MiB of BSON. */
    private static final long BATCH_MEMORY = 4L << 20;
    /** What a find may ask for that {@link #find} does not do; mongo-java-server's own answer serves it. */
    private static final Set<String> NOT_SCANNED = Set.of("hint", "min", "max", "tailable", "awaitData",
            "returnKey", "showRecordId", "collation");
    private static final Document EXISTS = new Document("$exists", true);
    /** Up to how many candidates an index names a page is sorted from them rather than read in an index's order. */
    private static final int FEW = 5_000;
    /** Up to how many documents tied on a sort's first field are read and sorted, not read in a next index's order. */
    private static final int TIED_READ = 64;

    /** How many documents a batch of the start's index build reads under the collection's lock. */
    private static final int BUILD_BATCH = 500;

    /** Before an index's name in the collection's meta map: what of the index was built, for the next start. */
    private static final String BUILT = "samverka.built.";

    private final MVMap<Object, Document> documents;
    private final MVMap<String, Object> meta;
    private final CursorRegistry cursors;
    /** Whether an update is under way, under the collection's lock: what it reads to change is a copy. */
    private boolean updating;
    /** Whether what the run before had built is built again, or being built; and that build while it reads. */
    private boolean begunAsBefore;
    private Building building;

    StoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                    MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documents = dataMap;
        this.meta = metaMap;
        this.cursors = cursorRegistry;
    }

    /**
     * Builds again what of its indexes a run before had built (their entries are held in memory only, and built when
     * a request first needs them): at the start, so that the first list or feed after it does not wait for them. One
     * reading of the documents builds them all, a batch at a time: between batches the collection answers others,
     * and a request that needs one of these indexes reads the rest itself ({@link #orderIndex}).
     */
    void buildIndexesAsBefore() {
        beginBuildingAsBefore();
        while (buildOn(BUILD_BATCH)) {
            // A lock just released is often taken again by the same thread: this lets a waiting request have it.
            Thread.yield();
        }
    }

    /**
     * Begins, once, to build what the run before had built: by the start's thread, or by a request that needs an index
     * first, which then reads the documents once for all of them, not once for each index it needs.
     */
    private synchronized void beginBuildingAsBefore() {
        if (!begunAsBefore) {
            begunAsBefore = true;
            List<OrderIndex> indexes = orderIndexes()
                    .filter(index -> meta.get(BUILT + index.getName()) instanceof String what
                            && index.startBuilding(what))
                    .toList();
            building = indexes.isEmpty() ? null : new Building(indexes);
        }
    }

    /**
     * Reads up to {@code count} more documents into the indexes being built, from where the reading was, as they are
     * now; whether some are left. Holds the store's version while it reads, as a command does. A build that fails
     * is given up: each of its indexes is then built when a request first reads it, as any other.
     */
    private synchronized boolean buildOn(long count) {
        if (building == null) {
            return false;
        }
        MVStore.TxCounter reading = documents.getStore().registerVersionUsage();
        try {
            Object from = building.after == null ? documents.firstKey() : documents.higherKey(building.after);
            Cursor<Object, Document> cursor = from == null ? null : documents.cursor(from);
            for (long read = 0; cursor != null && read < count && cursor.hasNext(); read++) {
                Object position = cursor.next();
                Document document = cursor.getValue();
                building.indexes.forEach(index -> index.index(document, position));
                building.after = position;
                building.read++;
            }
            if (cursor == null || !cursor.hasNext()) {
                building.indexes.forEach(OrderIndex::finishBuilding);
                System.out.printf("Indexes of %s built again from %d documents in %d ms%n", getFullName(),
                        building.read, (System.nanoTime() - building.began) / 1_000_000);
                building = null;
            }
            return building != null;
        } catch (RuntimeException failed) {
            building.indexes.forEach(OrderIndex::giveUpBuilding);
            building = null;
            throw failed;
        } finally {
            documents.getStore().deregisterVersionUsage(reading);
        }
    }

    /** The indexes the start builds, the last position read into them and how many documents were. */
    private static final class Building {

        private final List<OrderIndex> indexes;
        private final long began = System.nanoTime();
        private Object after;
        private long read;

        Building(List<OrderIndex> indexes) {
            this.indexes = indexes;
        }
    }

    /** Remembers what of the index is built now, for the next start to build it too; passes {@code read} on. */
    private <T> T remembered(OrderIndex index, T read) {
        String built = index.built();
        if (!built.equals(meta.get(BUILT + index.getName()))) {
            meta.put(BUILT + index.getName(), built);
        }
        return read;
    }

    /**
     * The answer to a find command that reads the collection in its own order (no sort, no index, no ids): its first
     * batch, and a cursor that reads on from the last key returned when the client asks for more, so no answer holds
     * more than a batch. Empty where mongo-java-server's own answer serves. Under the collection's lock, as its own
     * reads: the indexes it looks at change with every write.
     */
    synchronized Optional<Document> find(Document command, String namespace) {
        Object filter = command.getOrDefault("filter", new Document());
        Object sort = command.get("sort");
        long skip = number(command, "skip");
        long limit = number(command, "limit");
        long batchSize = number(command, "batchSize");
        boolean scanned = filter instanceof Document query
                && (sort == null || sort instanceof Document order && order.isEmpty())
                && !Boolean.TRUE.equals(command.get("singleBatch"))
                && command.keySet().stream().noneMatch(NOT_SCANNED::contains)
                && skip >= 0 && limit >= 0 && batchSize >= 0 && batchSize <= Integer.MAX_VALUE
                && !(query.get(getIdField()) instanceof String) && idCondition(query).isEmpty()
                && getIndexes().stream().noneMatch(index -> index.canHandle(query));
        if (!scanned) {
            return Optional.empty();
        }
        Optional<NavigableSet<Object>> named = havingField((Document) filter)
                .or(() -> candidates((Document) filter).map(Candidates::inKeyOrder));
        Scan scan = new Scan((Document) filter, (Document) command.get("projection"), skip,
                limit == 0 ? Long.MAX_VALUE : limit, named.orElse(null));
        List<Document> firstBatch = scan.take(batchSize > 0 ? (int) batchSize : FIRST_BATCH, Long.MAX_VALUE);
        long cursorId = 0;
        if (!scan.isEmpty()) {
            cursors.add(scan);
            cursorId = scan.getId();
        }
        Document cursor = new Document("id", cursorId).append("ns", namespace).append("firstBatch", firstBatch);
        return Optional.of(new Document("cursor", cursor).append("ok", 1.0));
    }

    private static long number(Document command, String field) {
        return command.get(field) instanceof Number number ? number.longValue() : 0;
    }

    /**
     * How many documents a query matches, where an index names the candidates: without reading any where the query
     * is only conditions the indexes answer exactly, else reading the candidates alone. Empty where no index serves.
     */
    synchronized Optional<Long> count(Document query) {
        return candidates(query).map(found -> found.exact() ? found.positions().size()
                : found.positions().stream().map(this::getDocument)
                        .filter(document -> document != null && documentMatchesQuery(document, query)).count());
    }

    /**
     * The positions of the documents a query may match, from the indexes, and whether it matches exactly those: an
     * equality or {@code $in} of plain values on a field with an index, at the query's top, in a top-level
     * {@code $and} (one such condition suffices) or in every branch of an {@code $or}.
     */
    private record Candidates(Set<Object> positions, boolean exact) {

        NavigableSet<Object> inKeyOrder() {
            NavigableSet<Object> ordered = new TreeSet<>(ValueComparator.asc());
            ordered.addAll(positions);
            return ordered;
        }
    }

    private Optional<Candidates> candidates(Document query) {
        Optional<Candidates> found = Optional.empty();
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            Optional<Candidates> these = switch (condition.getKey()) {
                case "$and" -> condition.getValue() instanceof List<?> all ? all.stream()
                        .filter(Document.class::isInstance).map(Document.class::cast).map(this::candidates)
                        .flatMap(Optional::stream).findFirst()
                        .map(any -> new Candidates(any.positions(), any.exact() && all.size() == 1))
                        : Optional.empty();
                case "$or" -> condition.getValue() instanceof List<?> branches ? anyOf(branches) : Optional.empty();
                default -> equalTo(condition.getKey(), condition.getValue());
            };
            if (these.isPresent() && found.isEmpty()) {
                found = these;
            }
        }
        return found.map(any -> new Candidates(any.positions(), any.exact() && query.size() == 1));
    }

    private Optional<Candidates> anyOf(List<?> branches) {
        Set<Object> positions = new HashSet<>();
        boolean exact = true;
        for (Object branch : branches) {
            Optional<Candidates> these = branch instanceof Document document ? candidates(document) : Optional.empty();
            if (these.isEmpty()) {
                return Optional.empty();
            }
            positions.addAll(these.get().positions());
            exact &= these.get().exact();
        }
        return Optional.of(new Candidates(positions, exact));
    }

    private Optional<Candidates> equalTo(String field, Object condition) {
        List<?> values = condition instanceof Document operator && operator.keySet().equals(Set.of("$in"))
                && operator.get("$in") instanceof Collection<?> in ? new ArrayList<>(in)
                : Collections.singletonList(condition);
        if (field.startsWith("$") || !values.stream().allMatch(StoreCollection::plain)) {
            return Optional.empty();
        }
        return valuesIndexOn(field)
                .map(index -> new Candidates(remembered(index, index.equalTo(values,
                        this::streamAllDocumentsWithPosition)), true));
    }

    /** The index on a field that pages and equalities may be read from, if the collection has one. */
    private Optional<OrderIndex> valuesIndexOn(String field) {
        return orderIndex(index -> index.readsValues() && index.field().equals(field));
    }

    /**
     * The first order index that is {@code which}, built: where what the run before had built is to be built again,
     * that is begun or finished now.
     */
    private Optional<OrderIndex> orderIndex(Predicate<OrderIndex> which) {
        Optional<OrderIndex> found = orderIndexes().filter(which).findFirst();
        if (found.isPresent()) {
            beginBuildingAsBefore();
            if (building != null && building.indexes.contains(found.get())) {
                buildOn(Long.MAX_VALUE);
            }
        }
        return found;
    }

    private Stream<OrderIndex> orderIndexes() {
        return getIndexes().stream().filter(OrderIndex.class::isInstance).map(OrderIndex.class::cast);
    }

    /** A value an equality compares as itself: not null (which matches a missing field too), a document or an array. */
    private static boolean plain(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof java.util.Date || value instanceof java.util.UUID;
    }

    /**
     * Where a query asks only for documents that have a field ({@code $exists: true}, at its top or in a top-level
     * {@code $and}) a sparse index keeps: the positions of those documents, in key order.
     */
    private Optional<NavigableSet<Object>> havingField(Document query) {
        List<Object> conditions = query.get("$and") instanceof List<?> all ? new ArrayList<>(all) : new ArrayList<>();
        conditions.add(query);
        for (Object condition : conditions) {
            if (condition instanceof Document document) {
                Optional<OrderIndex> index = orderIndex(candidate -> candidate.sparse()
                        && EXISTS.equals(document.get(candidate.field())));
                if (index.isPresent()) {
                    NavigableSet<Object> positions = new TreeSet<>(ValueComparator.asc());
                    remembered(index.get(), index.get().inOrder(this::streamAllDocumentsWithPosition))
                            .forEach(entry -> positions.add(entry.position()));
                    return Optional.of(positions);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A find's reading of the collection in key order (or of the documents an index named), resumed after the last
     * key it returned. Each batch reads the collection as it is then, as MongoDB's cursors do: a document written
     * meanwhile may or may not be seen, none twice, since a document's key is its id.
     */
    private final class Scan extends AbstractCursor {

        private final Document filter;
        private final Document fields;
        private final NavigableSet<Object> positions;
        private long toSkip;
        private long left;
        private Object after;
        private boolean done;

        /** @param positions the documents to read, where an index named them; null for all of the collection */
        Scan(Document filter, Document fields, long skip, long limit, NavigableSet<Object> positions) {
            super(cursors.generateCursorId());
            this.filter = filter;
            this.fields = fields;
            this.positions = positions;
            this.toSkip = skip;
            this.left = limit;
        }

        /** A later batch: as many documents as asked for, or where the client names no size, some MiB of them. */
        @Override
        public List<Document> takeDocuments(int numberToReturn) {
            return numberToReturn > 0 ? take(numberToReturn, Long.MAX_VALUE) : take(Integer.MAX_VALUE, BATCH_MEMORY);
        }

        /** Under the collection's lock, as its own reads: its query matcher keeps state between matches. */
        List<Document> take(int count, long memory) {
            synchronized (StoreCollection.this) {
                return projected(read(count, memory), fields);
            }
        }

        private List<Document> read(int count, long memory) {
            List<Document> batch = new ArrayList<>();
            long held = 0;
            done = left == 0;
            Iterator<Map.Entry<Object, Document>> reading = positions == null ? collectionAfter() : namedAfter();
            while (!done && batch.size() < count && held < memory) {
                if (!reading.hasNext()) {
                    done = true;
                    break;
                }
                Map.Entry<Object, Document> read = reading.next();
                after = read.getKey();
                Document document = read.getValue();
                if (!documentMatchesQuery(document, filter)) {
                    continue;
                }
                if (toSkip > 0) {
                    toSkip--;
                    continue;
                }
                batch.add(document);
                held += BsonDataTypes.memoryOf(document);
                done = --left == 0;
            }
            return batch;
        }

        /** The collection's documents after the last key read, read along its map's pages. */
        private Iterator<Map.Entry<Object, Document>> collectionAfter() {
            Object from = after == null ? null : documents.higherKey(after);
            if (after != null && from == null) {
                return Collections.emptyIterator();
            }
            Cursor<Object, Document> cursor = documents.cursor(from);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return cursor.hasNext();
                }

                @Override
                public Map.Entry<Object, Document> next() {
                    Object key = cursor.next();
                    return Map.entry(key, cursor.getValue());
                }
            };
        }

        /** The documents the index named after the last key read, those still there. */
        private Iterator<Map.Entry<Object, Document>> namedAfter() {
            return (after == null ? positions : positions.tailSet(after, false)).stream()
                    .map(position -> Optional.ofNullable(getDocument(position))
                            .map(document -> Map.entry(position, document)))
                    .flatMap(Optional::stream)
                    .iterator();
        }

        @Override
        public boolean isEmpty() {
            return done;
        }
    }

    /** The documents with only the fields a find's projection names, as mongo-java-server's own answer has them. */
    private List<Document> projected(List<Document> batch, Document fields) {
        if (fields == null || fields.isEmpty()) {
            return batch;
        }
        return super.matchDocumentsFromStream(new Document(), batch.stream(), 0, 0, 0, null, fields)
                .collectDocuments();
    }

    /** The collection's documents one at a time, as its own queries read them. */
    @Override
    public Stream<Document> queryAllAsStream() {
        return documents.values().stream();
    }

    /**
     * mongo-java-server changes the document it found in place before it stores it, and the store hands every reader
     * the same document while it is in its page cache: an answer being sent after the collection's lock was let go
     * changed under the encoder (a torn read, or an answer that failed to encode). An update changes a copy.
     */
    @Override
    public synchronized Document updateDocuments(Document selector, Document update, ArrayFilters arrayFilters,
                                                 boolean isMulti, boolean isUpsert, Oplog oplog) {
        updating = true;
        try {
            return super.updateDocuments(selector, update, arrayFilters, isMulti, isUpsert, oplog);
        } finally {
            updating = false;
        }
    }

    /** As {@link #updateDocuments}. */
    @Override
    public synchronized Document findAndModify(Document query) {
        updating = true;
        try {
            return super.findAndModify(query);
        } finally {
            updating = false;
        }
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        QueryResult found = found(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        return updating ? new QueryResult(found.collectDocuments().stream().map(Document::cloneDeeply).toList())
                : found;
    }

    private QueryResult found(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                              Document fieldSelector) {
        // A query of one id alone mongo-java-server answers from its index; a lone $and or $in it would read in full.
        boolean oneIdAlone = query.size() == 1 && query.get(getIdField()) instanceof String;
        Optional<IdCondition> byId = oneIdAlone ? Optional.empty() : idCondition(query);
        if (byId.isEmpty()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> candidates = byId.get().ids().stream().map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(candidates, byId.get().rest(), orderBy, numberToSkip, limit, batchSize,
                fieldSelector);
    }

    /** A sorted page by a field with an {@link OrderIndex} reads the index in order until the page is full. */
    @Override
    protected QueryResult matchDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        Optional<Candidates> found = candidates(query);
        Optional<Candidates> few = found.filter(named -> named.positions().size() <= FEW);
        if (few.isPresent()) {
            Stream<Document> candidates = few.get().inKeyOrder().stream().map(this::getDocument)
                    .filter(Objects::nonNull);
            return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Optional<List<Document>> page = limit > 0 && numberToSkip >= 0 && orderBy != null && !orderBy.isEmpty()
                ? inIndexOrder(query, orderBy, (long) numberToSkip + limit, found.map(Candidates::positions))
                : Optional.empty();
        if (page.isEmpty()) {
            return super.matchDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        return super.matchDocumentsFromStream(new Document(), page.get().stream(), numberToSkip, limit, batchSize,
                null, fieldSelector);
    }

    /**
     * At least the first {@code wanted} matching documents in the order, read from the index of the order's first
     * field: documents of one value of it are ordered by the rest of the order, then by position, as a full sort
     * (which is stable) orders them. Empty where no index serves, and where a value is an array or an id not a
     * string, whose orders a full sort decides otherwise. Where an index named the documents the query may match
     * ({@code named}), no other is read.
     */
    private Optional<List<Document>> inIndexOrder(Document query, Document orderBy, long wanted,
                                                  Optional<Set<Object>> named) {
        String first = orderBy.keySet().iterator().next();
        Optional<OrderIndex> index = valuesIndexOn(first);
        if (index.isEmpty() || !(orderBy.get(first) instanceof Number direction)) {
            return Optional.empty();
        }
        Comparator<Document> order = deriveComparator(orderBy)
                .thenComparing(document -> (String) document.get(getIdField()));
        Tied tied = new Tied(index.get(), query, order, orderBy.size() == 1, thenByIndex(orderBy), named);
        List<Document> page = new ArrayList<>();
        for (Object value : remembered(index.get(),
                index.get().values(direction.intValue() > 0, this::streamAllDocumentsWithPosition))) {
            Optional<List<Document>> these = value instanceof Collection<?> ? Optional.empty()
                    : tied.first(value, wanted - page.size());
            if (these.isEmpty()) {
                return Optional.empty();
            }
            page.addAll(these.get());
            if (page.size() >= wanted) {
                return Optional.of(page);
            }
        }
        return Optional.of(page);
    }

    /**
     * The index of an order's second field, where the order is that and the first alone, the second ascending: what
     * orders the documents tied on the first (a list by score has thousands of one score, then by title).
     */
    private Optional<OrderIndex> thenByIndex(Document orderBy) {
        if (orderBy.size() != 2) {
            return Optional.empty();
        }
        Iterator<String> fields = orderBy.keySet().iterator();
        fields.next();
        String second = fields.next();
        return orderBy.get(second) instanceof Number direction && direction.intValue() > 0 ? valuesIndexOn(second)
                : Optional.empty();
    }

    /**
     * The documents of one value of an order's first field, in the order: where the order is that field alone, in
     * the order of their positions (ids), read only until there are enough; else a few read and sorted, and many,
     * where {@code then} holds the order's second field (a list by score has tens of thousands of one score, then by
     * title), read in its order only until there are enough.
     */
    private final class Tied {

        private final OrderIndex index;
        private final Document query;
        private final Comparator<Document> order;
        private final boolean alone;
        private final Optional<OrderIndex> then;
        private final Optional<Set<Object>> named;

        Tied(OrderIndex index, Document query, Comparator<Document> order, boolean alone, Optional<OrderIndex> then,
             Optional<Set<Object>> named) {
            this.index = index;
            this.query = query;
            this.order = order;
            this.alone = alone;
            this.then = then;
            this.named = named;
        }

        /** At least the first {@code wanted} of them that match; empty where a position is not a string. */
        Optional<List<Document>> first(Object value, long wanted) {
            NavigableSet<OrderIndex.Entry> tied = index.entriesOf(value);
            if (alone) {
                // Every entry of the value's own is of the value: no look-up for each.
                return readInOrder(tied, position -> true, tied, wanted);
            }
            if (then.isEmpty() || tied.stream().limit(TIED_READ + 1L).count() <= TIED_READ) {
                return all(tied);
            }
            return readInOrder(remembered(then.get(),
                    then.get().inOrder(StoreCollection.this::streamAllDocumentsWithPosition)),
                    position -> index.has(value, position), tied, wanted);
        }

        /**
         * The first {@code wanted} that match of the entries of {@code entries} at a position of the value
         * ({@code ofValue}), in their order; all of {@code tied} read and sorted where one of the entries holds an
         * array, which a full sort orders otherwise.
         */
        private Optional<List<Document>> readInOrder(Iterable<OrderIndex.Entry> entries, Predicate<Object> ofValue,
                                                     NavigableSet<OrderIndex.Entry> tied, long wanted) {
            List<Document> found = new ArrayList<>();
            for (OrderIndex.Entry entry : entries) {
                if (entry.value() instanceof Collection<?>) {
                    return all(tied);
                }
                if (named(entry.position()) && ofValue.test(entry.position())) {
                    if (!(entry.position() instanceof String)) {
                        return Optional.empty();
                    }
                    Document document = getDocument(entry.position());
                    if (document != null && documentMatchesQuery(document, query)) {
                        found.add(document);
                        if (found.size() >= wanted) {
                            break;
                        }
                    }
                }
            }
            return Optional.of(found);
        }

        /** All of them that match, read and sorted. */
        private Optional<List<Document>> all(NavigableSet<OrderIndex.Entry> tied) {
            List<Object> positions = new ArrayList<>();
            for (OrderIndex.Entry entry : tied) {
                if (!(entry.position() instanceof String)) {
                    return Optional.empty();
                }
                if (named(entry.position())) {
                    positions.add(entry.position());
                }
            }
            return Optional.of(sorted(positions, query, order));
        }

        private boolean named(Object position) {
            return named.isEmpty() || named.get().contains(position);
        }
    }

    private List<Document> sorted(List<Object> positions, Document query, Comparator<Document> order) {
        return positions.stream().map(this::getDocument)
                .filter(document -> document != null && documentMatchesQuery(document, query)).sorted(order).toList();
    }

    /**
     * The first {@code numberToSkip + limit} matching documents in the order, then skipped and limited as before: the
     * same page as a full sort, which is stable, because equal documents keep the order they were read in.
     */
    @Override
    protected QueryResult matchDocumentsFromStream(Document query, Stream<Document> documentStream, int numberToSkip,
                                                   int limit, int batchSize, Comparator<Document> documentComparator,
                                                   Document fieldSelector) {
        long kept = (long) Math.max(numberToSkip, 0) + limit;
        if (documentComparator == null || limit <= 0 || kept > Integer.MAX_VALUE) {
            return super.matchDocumentsFromStream(query, documentStream, numberToSkip, limit, batchSize,
                    documentComparator, fieldSelector);
        }
        Comparator<Read> order = Comparator.comparing(Read::document, documentComparator)
                .thenComparingLong(Read::position);
        PriorityQueue<Read> first = new PriorityQueue<>(order.reversed());
        AtomicLong position = new AtomicLong();
        documentStream.filter(document -> documentMatchesQuery(document, query)).forEach(document -> {
            first.add(new Read(document, position.getAndIncrement()));
            if (first.size() > kept) {
                first.poll();
            }
        });
        Stream<Document> page = first.stream().sorted(order).map(Read::document);
        return super.matchDocumentsFromStream(new Document(), page, numberToSkip, limit, batchSize, null,
                fieldSelector);
    }

    /** A matching document and where it came in the reading. */
    private record Read(Document document, long position) {
    }

    /**
     * The ids a query asks for, and the rest of it, which the documents of those ids must also match. Matching them
     * against the ids again would compare each document with every id of an {@code $in}: a batch's n ids, n² times.
     */
    private record IdCondition(SortedSet<String> ids, Document rest) {
    }

    /**
     * The ids a query asks for by equality or {@code $in}, at its top or in a top-level {@code $and}. Only string
     * ids: a document is stored under exactly its id, where numbers of different types would compare equal.
     */
    private Optional<IdCondition> idCondition(Document query) {
        String idField = getIdField();
        if (idField == null) {
            return Optional.empty();
        }
        Object id = query.get(idField);
        if (id != null) {
            return ids(id).map(ids -> new IdCondition(ids, without(query, idField)));
        }
        if (!(query.get("$and") instanceof List<?> conditions)) {
            return Optional.empty();
        }
        for (int i = 0; i < conditions.size(); i++) {
            if (conditions.get(i) instanceof Document condition) {
                Optional<IdCondition> found = idCondition(condition);
                if (found.isPresent()) {
                    List<Object> others = new ArrayList<>(conditions);
                    others.remove(i);
                    if (!found.get().rest().isEmpty()) {
                        others.add(i, found.get().rest());
                    }
                    Document rest = without(query, "$and");
                    if (!others.isEmpty()) {
                        rest.put("$and", others);
                    }
                    return Optional.of(new IdCondition(found.get().ids(), rest));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SortedSet<String>> ids(Object id) {
        if (id instanceof String single) {
            return Optional.of(new TreeSet<>(Set.of(single)));
        }
        if (id instanceof Document condition && condition.keySet().equals(Set.of("$in"))
                && condition.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(String.class::isInstance)) {
            return Optional.of(values.stream().map(String.class::cast).collect(Collectors.toCollection(TreeSet::new)));
        }
        return Optional.empty();
    }

    private static Document without(Document query, String key) {
        Document rest = new Document(query);
        rest.remove(key);
        return rest;
    }
}
