package se.samverka.platform.runtime;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

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
 * </ul>
 */
final class StoreCollection extends H2Collection {

    private final MVMap<Object, Document> documents;

    StoreCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                    MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        this.documents = dataMap;
    }

    /** The collection's documents one at a time, as its own queries read them. */
    @Override
    public Stream<Document> queryAllAsStream() {
        return documents.values().stream();
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
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
