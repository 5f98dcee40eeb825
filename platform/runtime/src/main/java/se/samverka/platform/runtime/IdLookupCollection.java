package se.samverka.platform.runtime;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.bson.Document;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * An H2 collection that finds documents by their ids also when the query says more than the ids. mongo-java-server
 * uses an index only for a query on exactly the index's fields, so {@code {_id, version}} (every conditional update of
 * an aggregate or a read model) read the whole collection; here it reads the documents the ids name, in the order the
 * collection keeps them, and matches the rest of the query against them, which answers the same.
 */
final class IdLookupCollection extends H2Collection {

    IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                       MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap, CursorRegistry cursorRegistry) {
        super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
    }

    @Override
    protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                                         Document fieldSelector) {
        // A query of the id alone mongo-java-server answers from its index; a lone $and it would read in full.
        Optional<SortedSet<String>> ids = query.size() > 1 || query.containsKey("$and") ? ids(query) : Optional.empty();
        if (ids.isEmpty()) {
            return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
        Stream<Document> candidates = ids.get().stream().map(this::getDocument).filter(Objects::nonNull);
        return matchDocumentsFromStream(candidates, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /**
     * The ids a query asks for, by equality or {@code $in}, at its top or in a top-level {@code $and}. Only string
     * ids: a document is stored under exactly its id, where numbers of different types would compare equal.
     */
    private Optional<SortedSet<String>> ids(Document query) {
        String idField = getIdField();
        if (idField == null) {
            return Optional.empty();
        }
        Object id = query.get(idField);
        if (id instanceof String single) {
            return Optional.of(new TreeSet<>(Set.of(single)));
        }
        if (id instanceof Document condition && condition.keySet().equals(Set.of("$in"))
                && condition.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(String.class::isInstance)) {
            return Optional.of(values.stream().map(String.class::cast).collect(Collectors.toCollection(TreeSet::new)));
        }
        if (id == null && query.get("$and") instanceof List<?> conditions) {
            return conditions.stream()
                    .filter(Document.class::isInstance)
                    .map(condition -> ids((Document) condition))
                    .flatMap(Optional::stream)
                    .findFirst();
        }
        return Optional.empty();
    }
}
