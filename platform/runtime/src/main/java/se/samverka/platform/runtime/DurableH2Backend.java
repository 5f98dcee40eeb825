package se.samverka.platform.runtime;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend that answers a write only once it is on disk: every command that may change data
 * runs through {@link GroupCommit}. A command is taken for a read only if it is known to be one, so a command this
 * class has not heard of is made durable rather than answered early. A write whose client asks for no journaling
 * ({@code j: false}) is answered at once and committed with the next round. Its collections find a document by id also
 * when a query says more than the id ({@link StoreCollection}), and keep documents and index keys in BSON
 * ({@link BsonDataTypes}).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> READS = Set.of("find", "getmore", "killcursors", "count", "distinct",
            "aggregate", "listcollections", "listindexes", "listdatabases", "dbstats", "collstats", "validate",
            "ping", "hello", "ismaster", "buildinfo", "whatsmyuri", "serverstatus", "getlasterror",
            "connectionstatus", "hostinfo", "getcmdlineopts", "getfreemonitoringstatus", "replsetgetstatus", "getlog",
            "getparameter", "endsessions", "saslstart", "saslcontinue", "explain");
    private static final Set<String> WRITING_STAGES = Set.of("$out", "$merge");
    /** The last stage of a driver's {@code countDocuments}. */
    private static final Document COUNTING = new Document("$group",
            new Document("_id", 1).append("n", new Document("$sum", 1)));

    private final GroupCommit commits;
    /** Made when the first collection opens, within the super constructor: a field initialiser would come after. */
    private Queue<StoreCollection> opened;

    DurableH2Backend(MVStore store, GroupCommit commits) {
        super(store);
        this.commits = commits;
    }

    /**
     * Builds the indexes of every collection opened so far as the run before had built them
     * ({@link StoreCollection#buildIndexesAsBefore}), one collection at a time; a collection dropped meanwhile is
     * passed by.
     */
    void buildIndexesAsBefore() {
        for (StoreCollection collection : List.copyOf(opened())) {
            try {
                collection.buildIndexesAsBefore();
            } catch (RuntimeException dropped) {
                System.out.println("Indexes of " + collection.getFullName() + " not built at the start: " + dropped);
            }
        }
    }

    /**
     * Runs a command, holding the store's version it began at until it is answered: the store then overwrites no
     * chunk that version still needs, however long a read takes (the retention time alone would bound it).
     */
    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        MVStore.TxCounter reading = getMvStore().registerVersionUsage();
        try {
            if (isRead(command, query)) {
                return super.handleCommand(channel, database, command, query);
            }
            if (unjournaled(query)) {
                return commits.writeUnforced(() -> super.handleCommand(channel, database, command, query));
            }
            return commits.write(() -> super.handleCommand(channel, database, command, query));
        } finally {
            getMvStore().deregisterVersionUsage(reading);
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdLookupDatabase(databaseName);
    }

    /**
     * H2's database with {@link StoreCollection}s in the maps H2Database names them by. An inner class: its super
     * constructor already opens the existing collections, and the store is then reachable only through this backend.
     */
    private final class IdLookupDatabase extends H2Database {

        IdLookupDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        /**
         * A find reading a collection in its own order is answered a batch at a time ({@link StoreCollection#find}),
         * and a count of what an index names from the index ({@link StoreCollection#count}).
         */
        @Override
        public Document handleCommand(Channel channel, String command, Document query,
                                      DatabaseResolver databaseResolver, Oplog oplog) {
            if (query.get(command) instanceof String collectionName
                    && resolveCollection(collectionName, false) instanceof StoreCollection collection) {
                String namespace = getFullCollectionNamespace(collectionName);
                Optional<Document> answer = command.equalsIgnoreCase("find") ? collection.find(query, namespace)
                        : command.equalsIgnoreCase("aggregate") ? counted(collection, query, namespace)
                        : Optional.empty();
                if (answer.isPresent()) {
                    return answer.get();
                }
            }
            Document answer = super.handleCommand(channel, command, query, databaseResolver, oplog);
            return command.equalsIgnoreCase("insert") ? countingInserted(query, answer) : answer;
        }

        /**
         * mongo-java-server counts every document of an insert as inserted, also those it refused (a duplicate key);
         * a client that judges by the count (a bulk insert that partly failed) must get what was inserted: an ordered
         * insert stops at its first error, an unordered one goes on past each.
         */
        private static Document countingInserted(Document query, Document answer) {
            if (answer.get("writeErrors") instanceof List<?> errors && !errors.isEmpty()
                    && errors.get(0) instanceof Document first && first.get("index") instanceof Number failed
                    && query.get("documents") instanceof List<?> documents) {
                answer.put("n", Boolean.FALSE.equals(query.get("ordered")) ? documents.size() - errors.size()
                        : failed.intValue());
            }
            return answer;
        }

        /**
         * The answer to the pipeline a driver's {@code countDocuments} sends ({@code $match}, perhaps {@code $skip}
         * and {@code $limit}, then a group counting into {@code n}), where an index names what the match may find.
         */
        private Optional<Document> counted(StoreCollection collection, Document command, String namespace) {
            if (!(command.get("pipeline") instanceof List<?> stages) || stages.size() < 2
                    || !(stages.get(0) instanceof Document first) || !(first.get("$match") instanceof Document match)
                    || !COUNTING.equals(stages.get(stages.size() - 1))) {
                return Optional.empty();
            }
            long skip = 0;
            long limit = Long.MAX_VALUE;
            for (Object stage : stages.subList(1, stages.size() - 1)) {
                if (stage instanceof Document only && only.size() == 1 && only.get("$skip") instanceof Number n) {
                    skip = n.longValue();
                } else if (stage instanceof Document only && only.size() == 1
                        && only.get("$limit") instanceof Number n) {
                    limit = n.longValue();
                } else {
                    return Optional.empty();
                }
            }
            long skipped = skip;
            long limited = limit;
            return collection.count(match).map(all -> {
                long n = Math.min(Math.max(all - skipped, 0), limited);
                List<Document> batch = n == 0 ? List.of() : List.of(new Document("_id", 1).append("n", n));
                Document cursor = new Document("id", 0L).append("ns", namespace).append("firstBatch", batch);
                return new Document("cursor", cursor).append("ok", 1.0);
            });
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = getMvStore().openMap("databases." + fullName,
                    new MVMap.Builder<Object, Document>().valueType(new BsonDataTypes.Documents()));
            StoreCollection collection = new StoreCollection(this, collectionName, options, documents,
                    getMvStore().openMap("meta." + fullName), cursorRegistry);
            opened().add(collection);
            return collection;
        }

        /**
         * Keeps an index's keys in BSON, in a map of a name of its own. An index H2's default wrote is dropped when
         * its database opens (this runs within the backend's constructor, before any write or commit), and the new
         * one, empty, is built from the documents; a crash before the next commit leaves the old state on disk.
         */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
                                                        boolean sparse) {
            MVStore store = getMvStore();
            String earlier = earlierIndexMap(collectionName, indexName);
            if (store.hasMap(earlier)) {
                store.removeMap(earlier);
            }
            MVMap<KeyValue, Object> map = store.openMap(indexMap(collectionName, indexName),
                    new MVMap.Builder<KeyValue, Object>().keyType(new BsonDataTypes.Keys()));
            return new StoredKeyIndex(map, indexName, keys, sparse);
        }

        /** An index on one field is kept ({@link OrderIndex}); others, as before, are not. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                           List<IndexKey> keys, boolean sparse) {
            return keys.size() == 1 ? new OrderIndex(indexName, keys.get(0), sparse)
                    : super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = indexMap(collection.getCollectionName(), indexName);
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }

        private String indexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._keys_" + indexName;
        }

        /** The name mongo-java-server's H2 backend gives an index's map. */
        private String earlierIndexMap(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    private synchronized Queue<StoreCollection> opened() {
        if (opened == null) {
            opened = new ConcurrentLinkedQueue<>();
        }
        return opened;
    }

    /** The server calls this once its connections are closed: what is left is committed, then the file closed. */
    @Override
    public void close() {
        commits.close();
        super.close();
    }

    static boolean isRead(String command, Document query) {
        String name = command.toLowerCase(Locale.ROOT);
        if (!READS.contains(name)) {
            return false;
        }
        return !name.equals("aggregate") || !writesOut(query.get("pipeline"));
    }

    /**
     * Whether the client asked to be answered before the write is journaled ({@code writeConcern: {j: false}}), as
     * MongoDB allows: the write is committed with the next round, not waited for.
     */
    static boolean unjournaled(Document command) {
        return command.get("writeConcern") instanceof Document writeConcern
                && Boolean.FALSE.equals(writeConcern.get("j"));
    }

    private static boolean writesOut(Object pipeline) {
        return pipeline instanceof List<?> stages && stages.stream()
                .anyMatch(stage -> stage instanceof Document document
                        && document.keySet().stream().anyMatch(WRITING_STAGES::contains));
    }
}
