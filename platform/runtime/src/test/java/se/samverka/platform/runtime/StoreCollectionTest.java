package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The id lookup answers every query exactly as mongo-java-server's own H2 backend does, which reads every document. */
class StoreCollectionTest {

    @TempDir
    static Path data;
    private static MongoServer durable;
    private static MongoServer plain;
    private static MongoClient durableClient;
    private static MongoClient plainClient;

    @BeforeAll
    static void start() {
        MVStore store = new MVStore.Builder().fileName(data.resolve("lookup.mv.db").toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        durable = new MongoServer(new DurableH2Backend(store, new GroupCommit(store, cause -> { })));
        plain = new MongoServer(H2Backend.inMemory());
        durableClient = MongoClients.create(connectionString(durable.bind()));
        plainClient = MongoClients.create(connectionString(plain.bind()));
        for (MongoClient client : List.of(durableClient, plainClient)) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                documents.add(new Document("_id", "p" + i).append("version", (long) i % 5)
                        .append("state", new Document("title", "Projekt " + i).append("status", i % 2 == 0 ? "IDEA" : "ONGOING"))
                        .append("outbox", i % 3 == 0 ? List.of(new Document("eventId", "e" + i)) : List.of()));
            }
            collection(client).insertMany(documents);
            collection(client).insertOne(new Document("_id", new ObjectId("65a000000000000000000001")).append("version", 1L));
            collection(client).insertOne(new Document("_id", 7).append("version", 1L));
        }
    }

    @AfterAll
    static void stop() {
        durableClient.close();
        plainClient.close();
        durable.shutdownNow();
        plain.shutdownNow();
    }

    @Test
    void findsWhatAFullReadFinds() {
        List<Bson> queries = List.of(
                Filters.and(Filters.eq("_id", "p10"), Filters.eq("version", 0L)),
                Filters.and(Filters.eq("_id", "p10"), Filters.eq("version", 1L)),
                Filters.and(Filters.eq("_id", "p3"), Filters.exists("outbox.0")),
                Filters.and(Filters.eq("_id", "p4"), Filters.exists("outbox.0")),
                Filters.and(Filters.eq("_id", "missing"), Filters.eq("version", 0L)),
                new Document("$and", List.of(new Document("_id", "p12"), new Document("outbox.0", new Document("$exists", true)),
                        new Document("$or", List.of(new Document("lease", new Document("$exists", false)))))),
                Filters.and(Filters.eq("_id", new ObjectId("65a000000000000000000001")), Filters.eq("version", 1L)),
                Filters.and(Filters.eq("_id", 7L), Filters.eq("version", 1L)),
                Filters.and(Filters.in("_id", "p1", "p2", "p3"), Filters.eq("state.status", "ONGOING")),
                Filters.or(Filters.eq("_id", "p1"), Filters.eq("_id", "p2")),
                Filters.eq("state.status", "IDEA"),
                Filters.in("_id", "p9", "p1", "missing", "p150"),
                Filters.and(Filters.in("_id", batch()), Filters.exists("outbox.0")),
                new Document("$and", List.of(new Document("_id", new Document("$in", batch())),
                        new Document("version", 2L))),
                new Document("$and", List.of(new Document("_id", "p12"))),
                new Document("_id", "p13").append("$and", List.of(new Document("version", 3L))));
        for (Bson query : queries) {
            assertAnsweredAlike(query.toString(), projects -> projects.find(query).into(new ArrayList<>()));
        }
    }

    @Test
    void sortsAPageAsAFullSortDoes() {
        List<Function<MongoCollection<Document>, FindIterable<Document>>> pages = List.of(
                // A hundred documents share each status: which come first is the order they are kept in.
                projects -> projects.find().sort(Sorts.ascending("state.status")).limit(7),
                projects -> projects.find().sort(Sorts.descending("version")).skip(13).limit(5),
                projects -> projects.find(Filters.eq("state.status", "IDEA"))
                        .sort(Sorts.orderBy(Sorts.ascending("version"), Sorts.descending("state.title"))).limit(10),
                projects -> projects.find().sort(Sorts.ascending("state.title")).skip(195).limit(20),
                projects -> projects.find().sort(Sorts.ascending("version")).projection(Projections.include("version"))
                        .limit(3),
                projects -> projects.find().sort(Sorts.descending("state.title")));
        for (int i = 0; i < pages.size(); i++) {
            assertAnsweredAlike("page " + i, pages.get(i).andThen(page -> page.into(new ArrayList<>())));
        }
    }

    @Test
    void countsAndAggregatesAsAFullReadDoes() {
        for (Bson filter : List.of(new Document(), Filters.eq("state.status", "IDEA"), Filters.exists("outbox.0"),
                Filters.eq("missing", 1))) {
            assertAnsweredAlike(filter.toString(), projects -> projects.countDocuments(filter));
        }
        List<Bson> pipeline = List.of(Aggregates.match(Filters.eq("state.status", "ONGOING")),
                Aggregates.group("$version", Accumulators.sum("projects", 1)), Aggregates.sort(Sorts.ascending("_id")));
        List<Document> groups = assertAnsweredAlike("aggregation",
                projects -> projects.aggregate(pipeline).into(new ArrayList<>()));
        assertThat(groups).isNotEmpty();
    }

    @Test
    void updatesOnlyTheDocumentTheConditionHolds() {
        for (MongoClient client : List.of(durableClient, plainClient)) {
            MongoCollection<Document> projects = collection(client);
            assertThat(projects.updateOne(Filters.and(Filters.eq("_id", "p20"), Filters.eq("version", 9L)),
                    Updates.set("version", 10L)).getMatchedCount()).isZero();
            assertThat(projects.updateOne(Filters.and(Filters.eq("_id", "p20"), Filters.eq("version", 0L)),
                    Updates.set("version", 1L)).getMatchedCount()).isOne();
            Document leased = projects.findOneAndUpdate(Filters.and(Filters.eq("_id", "p21"), Filters.exists("outbox.0")),
                    Updates.set("lease", "mine"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            assertThat(leased).isNotNull().extracting(document -> document.get("lease")).isEqualTo("mine");
            assertThat(projects.deleteOne(Filters.and(Filters.eq("_id", "p22"), Filters.eq("version", 3L))).getDeletedCount())
                    .isZero();
        }
        assertThat(collection(durableClient).find().into(new ArrayList<>()))
                .isEqualTo(collection(plainClient).find().into(new ArrayList<>()));
    }

    @Test
    void sortsAPageFromAnIndexAsAFullSortDoes() {
        for (MongoCollection<Document> ordered : inBothStores("ordered")) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Document document = new Document("_id", "o" + (i * 7919 % 300)).append("rank", (long) i % 13)
                        .append("status", i % 3 == 0 ? "IDEA" : "ONGOING");
                if (i % 17 != 0) {
                    document.append("title", "Projekt " + (i % 40));
                }
                documents.add(document.append("tags", i == 150 ? List.of("b", "a") : "single"));
            }
            ordered.insertMany(documents);
            ordered.createIndex(Indexes.ascending("title"));
            ordered.createIndex(Indexes.descending("rank"));
            ordered.createIndex(Indexes.ascending("tags"));
            // Built when a page first reads them; what is written after, they keep up with.
            for (String field : List.of("title", "rank", "tags")) {
                assertThat(ordered.find().sort(Sorts.ascending(field)).limit(1).first()).isNotNull();
            }
            ordered.insertOne(new Document("_id", "o-late").append("rank", 4L).append("title", "Projekt 7"));
            ordered.updateMany(Filters.eq("rank", 5L), Updates.set("title", "Omdöpt"));
            ordered.deleteMany(Filters.eq("rank", 7L));
            ordered.updateOne(Filters.eq("_id", "o3"), Updates.unset("title"));
        }
        List<Function<MongoCollection<Document>, FindIterable<Document>>> pages = List.of(
                ordered -> ordered.find().sort(Sorts.ascending("title")).limit(25),
                ordered -> ordered.find().sort(Sorts.descending("title")).skip(30).limit(10),
                ordered -> ordered.find(Filters.eq("status", "IDEA")).sort(Sorts.ascending("title")).limit(15),
                ordered -> ordered.find().sort(Sorts.orderBy(Sorts.ascending("title"), Sorts.descending("rank")))
                        .limit(40),
                ordered -> ordered.find().sort(Sorts.orderBy(Sorts.descending("rank"), Sorts.ascending("_id")))
                        .skip(5).limit(20),
                ordered -> ordered.find().sort(Sorts.ascending("rank")).limit(300),
                ordered -> ordered.find(Filters.eq("status", "none")).sort(Sorts.ascending("title")).limit(5),
                ordered -> ordered.find().sort(Sorts.ascending("tags")).limit(10),
                ordered -> ordered.find().sort(Sorts.ascending("title")).projection(Projections.include("title"))
                        .limit(3));
        for (int i = 0; i < pages.size(); i++) {
            assertAnsweredAlike("ordered", "page " + i, pages.get(i).andThen(page -> page.into(new ArrayList<>())));
        }
    }

    @Test
    void ordersManyTiedDocumentsByTheNextFieldsIndexAsAFullSortDoes() {
        for (MongoCollection<Document> tied : inBothStores("tied")) {
            List<Document> documents = new ArrayList<>();
            // More documents of a strategy than a page is sorted from (5,000): read in the score index's order.
            for (int i = 0; i < 7_000; i++) {
                Document document = new Document("_id", "t" + (i * 7919 % 7_000)).append("score", (long) i % 3 * 20)
                        .append("strategy", i % 4 == 0 ? "S1" : "S2");
                if (i % 23 != 0) {
                    document.append("title", "Projekt " + (i % 90));
                }
                documents.add(document);
            }
            tied.insertMany(documents);
            tied.createIndex(Indexes.ascending("score"));
            tied.createIndex(Indexes.ascending("title"));
            tied.createIndex(Indexes.ascending("strategy"));
        }
        List<Function<MongoCollection<Document>, FindIterable<Document>>> pages = List.of(
                tied -> tied.find().sort(Sorts.orderBy(Sorts.descending("score"), Sorts.ascending("title"))).limit(20),
                tied -> tied.find(Filters.eq("strategy", "S1"))
                        .sort(Sorts.orderBy(Sorts.descending("score"), Sorts.ascending("title"))).skip(40).limit(20),
                tied -> tied.find(Filters.eq("strategy", "S2"))
                        .sort(Sorts.orderBy(Sorts.ascending("score"), Sorts.ascending("title"))).skip(140).limit(30),
                tied -> tied.find(Filters.eq("strategy", "S2"))
                        .sort(Sorts.orderBy(Sorts.descending("score"), Sorts.ascending("title"))).skip(2_990).limit(30),
                tied -> tied.find(Filters.eq("strategy", "S2")).sort(Sorts.descending("score")).skip(1_740).limit(30),
                tied -> tied.find().sort(Sorts.ascending("score")).skip(10).limit(20),
                tied -> tied.find().sort(Sorts.orderBy(Sorts.descending("score"), Sorts.descending("title"))).limit(20),
                tied -> tied.find(Filters.eq("strategy", "none"))
                        .sort(Sorts.orderBy(Sorts.descending("score"), Sorts.ascending("title"))).limit(5));
        for (int i = 0; i < pages.size(); i++) {
            assertAnsweredAlike("tied", "page " + i, pages.get(i).andThen(page -> page.into(new ArrayList<>())));
        }
        MongoCollection<Document> durableTied = inBothStores("tied").get(0);
        durableTied.insertOne(new Document("_id", "t-array").append("score", 40L).append("title", List.of("b", "a")));
        inBothStores("tied").get(1).insertOne(new Document("_id", "t-array").append("score", 40L)
                .append("title", List.of("b", "a")));
        assertAnsweredAlike("tied", "a title that is an array", tied -> tied.find()
                .sort(Sorts.orderBy(Sorts.descending("score"), Sorts.ascending("title"))).limit(20)
                .into(new ArrayList<>()));
    }

    @Test
    void findsTheDocumentsThatHaveAFieldAsAFullReadDoes() {
        for (MongoCollection<Document> aggregates : inBothStores("aggregates")) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                documents.add(new Document("_id", "a" + (i * 7919 % 300)).append("version", (long) i % 4)
                        .append("outbox", i % 7 == 0 ? List.of(new Document("eventId", "e" + i)) : List.of()));
            }
            aggregates.insertMany(documents);
            aggregates.createIndex(Indexes.ascending("outbox.0.eventId"), new IndexOptions().sparse(true));
            // Built when a read first needs it; what is written after, it keeps up with.
            assertThat(aggregates.find(Filters.exists("outbox.0.eventId")).into(new ArrayList<>())).isNotEmpty();
            aggregates.updateMany(Filters.eq("version", 1L), Updates.set("outbox", List.of()));
            aggregates.updateMany(Filters.eq("version", 2L),
                    Updates.set("outbox", List.of(new Document("eventId", "late"))));
            aggregates.deleteMany(Filters.eq("version", 3L));
        }
        List<Function<MongoCollection<Document>, FindIterable<Document>>> reads = List.of(
                aggregates -> aggregates.find(Filters.exists("outbox.0.eventId")),
                aggregates -> aggregates.find(Filters.exists("outbox.0.eventId")).limit(20).batchSize(6)
                        .projection(Projections.include("_id")),
                aggregates -> aggregates.find(Filters.and(Filters.exists("outbox.0.eventId"), Filters.eq("version", 0L)))
                        .skip(3),
                aggregates -> aggregates.find(Filters.exists("outbox.0.eventId", false)).limit(30));
        for (int i = 0; i < reads.size(); i++) {
            List<Document> read = assertAnsweredAlike("aggregates", "read " + i,
                    reads.get(i).andThen(documents -> documents.into(new ArrayList<>())));
            assertThat(read).as("read " + i).isNotEmpty();
        }
    }

    @Test
    void countsAndFindsWhatAnIndexNamesAsAFullReadDoes() {
        for (MongoCollection<Document> filtered : inBothStores("filtered")) {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Document document = new Document("_id", "f" + (i * 7919 % 400))
                        .append("status", List.of("IDEA", "ONGOING", "CLOSED").get(i % 3))
                        .append("strategies", i % 5 == 0 ? List.of() : List.of("S" + (i % 4), "S" + (i % 3)))
                        .append("partners", List.of(new Document("organisationId", "org" + (i % 7)),
                                new Document("organisationId", "org" + (i % 11))))
                        .append("version", i % 2 == 0 ? (Object) (long) (i % 6) : (Object) (i % 6));
                if (i % 9 != 0) {
                    document.append("owner", i % 13 == 0 ? null : "dep" + (i % 4));
                }
                documents.add(document);
            }
            filtered.insertMany(documents);
            for (String field : List.of("status", "strategies", "partners.organisationId", "version", "owner")) {
                filtered.createIndex(Indexes.ascending(field));
            }
            // Built when a count first needs them; what is written after, they keep up with.
            assertThat(filtered.countDocuments(Filters.eq("status", "IDEA"))).isPositive();
            assertThat(filtered.countDocuments(Filters.in("strategies", "S1", "S2"))).isPositive();
            assertThat(filtered.countDocuments(Filters.eq("partners.organisationId", "org3"))).isPositive();
            assertThat(filtered.countDocuments(Filters.eq("version", 2))).isPositive();
            assertThat(filtered.countDocuments(Filters.eq("owner", "dep1"))).isPositive();
            filtered.updateMany(Filters.eq("status", "CLOSED"), Updates.set("strategies", List.of("S9")));
            filtered.updateMany(Filters.eq("owner", "dep2"), Updates.unset("owner"));
            filtered.deleteMany(Filters.eq("version", 5L));
            filtered.insertOne(new Document("_id", "f-late").append("status", "IDEA").append("version", 2.0)
                    .append("strategies", List.of("S1")));
        }
        List<Bson> filters = List.of(
                Filters.eq("status", "IDEA"),
                Filters.and(Filters.eq("status", "ONGOING")),
                Filters.in("status", "IDEA", "CLOSED"),
                Filters.eq("strategies", "S9"),
                Filters.in("strategies", "S1", "S2"),
                Filters.eq("partners.organisationId", "org3"),
                Filters.eq("version", 2L),
                Filters.eq("version", 2),
                Filters.eq("owner", "dep1"),
                Filters.eq("owner", "dep2"),
                Filters.eq("owner", null),
                Filters.or(Filters.eq("owner", "dep3"), Filters.in("status", "CLOSED")),
                Filters.or(Filters.eq("owner", "dep3"), Filters.regex("status", "^ID")),
                Filters.and(Filters.eq("status", "IDEA"), Filters.eq("strategies", "S1")),
                Filters.and(Filters.or(Filters.eq("owner", "dep0"), Filters.eq("owner", "dep1")),
                        Filters.eq("status", "ONGOING")),
                Filters.in("status", List.of()),
                Filters.eq("status", "none"));
        for (Bson filter : filters) {
            assertAnsweredAlike("filtered", "count " + filter, documents -> documents.countDocuments(filter));
            assertAnsweredAlike("filtered", "find " + filter,
                    documents -> documents.find(filter).batchSize(17).into(new ArrayList<>()));
            assertAnsweredAlike("filtered", "page " + filter, documents -> documents.find(filter)
                    .sort(Sorts.orderBy(Sorts.descending("version"), Sorts.ascending("owner"))).skip(2).limit(9)
                    .into(new ArrayList<>()));
        }
        assertAnsweredAlike("filtered", "skipped and limited count",
                documents -> documents.countDocuments(Filters.eq("status", "IDEA"),
                        new CountOptions().skip(5).limit(20)));
    }

    @Test
    void buildsItsOrderIndexesFromTheDocumentsWhenItOpens() throws InterruptedException {
        openedTwice("reopened", (opening, backend, client) -> {
            MongoCollection<Document> titled = client.getDatabase("reopened").getCollection("titled");
            if (opening == 0) {
                titled.createIndex(Indexes.ascending("title"));
                titled.insertMany(List.of(new Document("_id", "a").append("title", "Cirkulär"),
                        new Document("_id", "b").append("title", "Arktis"),
                        new Document("_id", "c").append("title", "Bygd")));
            }
            List<Object> ids = titled.find().sort(Sorts.ascending("title")).limit(2)
                    .map(document -> document.get("_id")).into(new ArrayList<>());
            assertThat(ids).as("opening " + opening).containsExactly("b", "c");
        });
    }

    @Test
    void buildsAtTheStartWhatOfItsIndexesTheRunBeforeHadBuilt() throws InterruptedException {
        openedTwice("warmed", (opening, backend, client) -> {
            MongoCollection<Document> projects = client.getDatabase("warmed").getCollection("projects");
            if (opening == 0) {
                projects.createIndex(Indexes.ascending("title"));
                projects.createIndex(Indexes.ascending("status"));
                projects.createIndex(Indexes.ascending("score"));
                projects.insertMany(List.of(new Document("_id", "a").append("title", "Cirkulär")
                                .append("status", "IDEA").append("score", 40),
                        new Document("_id", "b").append("title", "Arktis").append("status", "ONGOING")
                                .append("score", 70)));
                projects.find().sort(Sorts.ascending("title")).first();
                projects.countDocuments(Filters.eq("status", "IDEA"));
            } else {
                backend.buildIndexesAsBefore();
                assertThat(orderIndexes(backend, "warmed", "projects")).containsExactlyInAnyOrderEntriesOf(
                        Map.of("title", "ordered", "status", "compared", "score", ""));
                assertThat(projects.countDocuments(Filters.eq("status", "ONGOING"))).isOne();
            }
        });
    }

    @Test
    void aRequestThatComesBeforeTheStartsBuildBuildsEveryIndexTheRunBeforeHadBuilt() throws InterruptedException {
        openedTwice("requested", (opening, backend, client) -> {
            MongoCollection<Document> projects = client.getDatabase("requested").getCollection("projects");
            if (opening == 0) {
                projects.createIndex(Indexes.ascending("status"));
                projects.createIndex(Indexes.ascending("score"));
                projects.createIndex(Indexes.ascending("title"));
                projects.insertMany(List.of(new Document("_id", "a").append("status", "IDEA").append("score", 40),
                        new Document("_id", "b").append("status", "ONGOING").append("score", 70)));
                projects.countDocuments(Filters.eq("status", "IDEA"));
                projects.find().sort(Sorts.descending("score")).first();
                return;
            }
            assertThat(projects.countDocuments(Filters.eq("status", "ONGOING"))).isOne();
            assertThat(orderIndexes(backend, "requested", "projects")).as("both, from one reading")
                    .containsExactlyInAnyOrderEntriesOf(Map.of("status", "compared", "score", "ordered", "title", ""));
            backend.buildIndexesAsBefore();
            assertThat(projects.find().sort(Sorts.descending("score")).first()).containsEntry("_id", "b");
        });
    }

    @Test
    void theStartsBuildLetsWritesAndReadsInBetweenAndEndsWithWhatTheyLeft() throws InterruptedException {
        int count = 5_000;
        openedTwice("batched", (opening, backend, client) -> {
            MongoCollection<Document> projects = client.getDatabase("batched").getCollection("projects");
            if (opening == 0) {
                projects.createIndex(Indexes.ascending("status"));
                projects.createIndex(Indexes.ascending("score"));
                List<Document> documents = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    documents.add(new Document("_id", String.format("p%05d", i))
                            .append("status", i % 2 == 0 ? "IDEA" : "ONGOING").append("score", i % 7));
                }
                projects.insertMany(documents);
                projects.countDocuments(Filters.eq("status", "IDEA"));
                projects.find().sort(Sorts.descending("score")).first();
                return;
            }
            Thread start = new Thread(backend::buildIndexesAsBefore);
            start.start();
            try {
                // From the last document back, so that some writes come before the build reads them, some after.
                for (int i = count - 1; i >= 0; i -= 10) {
                    projects.updateOne(Filters.eq("_id", String.format("p%05d", i)),
                            Updates.combine(Updates.set("status", "CLOSED"), Updates.set("score", 100 + i)));
                }
                projects.deleteOne(Filters.eq("_id", "p00000"));
                projects.insertOne(new Document("_id", "p99999").append("status", "CLOSED").append("score", 7_000));
                assertThat(projects.countDocuments(Filters.eq("status", "CLOSED"))).isEqualTo(count / 10 + 1);
            } finally {
                start.join();
            }
            assertThat(orderIndexes(backend, "batched", "projects")).containsExactlyInAnyOrderEntriesOf(
                    Map.of("status", "compared", "score", "ordered"));
            assertThat(projects.countDocuments(Filters.eq("status", "IDEA"))).isEqualTo(count / 2 - 1);
            assertThat(projects.countDocuments(Filters.eq("status", "ONGOING"))).isEqualTo(count / 2 - count / 10);
            assertThat(projects.find().sort(Sorts.descending("score")).limit(3).map(document -> document.get("_id"))
                    .into(new ArrayList<>())).containsExactly("p99999", "p04999", "p04989");
        });
    }

    @Test
    void anIndexReadInOrderWhileItsCollectionIsEmptyIsKeptInOrderFromTheFirstDocument() throws InterruptedException {
        openedTwice("early", (opening, backend, client) -> {
            MongoCollection<Document> feed = client.getDatabase("early").getCollection("feed");
            if (opening == 0) {
                feed.createIndex(Indexes.descending("time"));
                assertThat(feed.find().sort(Sorts.descending("time")).first()).isNull();
                assertThat(orderIndexes(backend, "early", "feed")).containsEntry("time", "ordered");
                feed.insertMany(List.of(new Document("_id", "a").append("time", 3),
                        new Document("_id", "b").append("time", 1), new Document("_id", "c").append("time", 2)));
            } else {
                backend.buildIndexesAsBefore();
                assertThat(orderIndexes(backend, "early", "feed")).as("built again at the start")
                        .containsEntry("time", "ordered");
            }
            assertThat(feed.find().sort(Sorts.descending("time")).limit(2).map(document -> document.get("_id"))
                    .into(new ArrayList<>())).as("opening " + opening).containsExactly("a", "c");
        });
    }

    @Test
    void aDocumentAnsweredBeforeAnUpdateStaysAsItWasWhileItIsSent() {
        MVStore store = new MVStore.Builder().open();
        DurableH2Backend backend = new DurableH2Backend(store, new GroupCommit(store, cause -> { }));
        try {
            @SuppressWarnings("unchecked")
            de.bwaldvogel.mongo.MongoCollection<Object> projects = (de.bwaldvogel.mongo.MongoCollection<Object>)
                    backend.resolveDatabase("answered").createCollectionOrThrowIfExists("projects");
            projects.insertDocuments(List.of(new de.bwaldvogel.mongo.bson.Document("_id", "a").append("version", 1L)
                    .append("title", "Före").append("lease", "relay-1")));
            // An answer is encoded after the collection's lock is let go, while the next command may change the same
            // document: it must not change what is being sent (a torn read, or a failed answer).
            de.bwaldvogel.mongo.bson.Document answered = projects.handleQuery(
                    new de.bwaldvogel.mongo.bson.Document("_id", "a")).iterator().next();
            projects.updateDocuments(new de.bwaldvogel.mongo.bson.Document("_id", "a"),
                    new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("version", 2L)
                            .append("title", "Efter")).append("$unset", new de.bwaldvogel.mongo.bson.Document("lease", "")),
                    ArrayFilters.empty(), false, false, NoopOplog.get());
            projects.findAndModify(new de.bwaldvogel.mongo.bson.Document("query",
                    new de.bwaldvogel.mongo.bson.Document("_id", "a")).append("update",
                    new de.bwaldvogel.mongo.bson.Document("$set", new de.bwaldvogel.mongo.bson.Document("version", 3L))));
            assertThat(answered).containsEntry("version", 1L).containsEntry("title", "Före")
                    .containsEntry("lease", "relay-1");
            assertThat(projects.handleQuery(new de.bwaldvogel.mongo.bson.Document("_id", "a")).iterator().next())
                    .containsEntry("version", 3L).containsEntry("title", "Efter").doesNotContainKey("lease");
        } finally {
            store.close();
        }
    }

    /** What of each order index of a collection is built, by its field. */
    private static Map<String, String> orderIndexes(DurableH2Backend backend, String database, String collection) {
        Map<String, String> built = new HashMap<>();
        backend.resolveDatabase(database).resolveCollection(collection, true).getIndexes().stream()
                .filter(OrderIndex.class::isInstance).map(OrderIndex.class::cast)
                .forEach(index -> built.put(index.field(), index.built()));
        return built;
    }

    /** What a test does with a store opened from its file: the first time ({@code opening} 0), then once more. */
    @FunctionalInterface
    private interface Opened {
        void with(int opening, DurableH2Backend backend, MongoClient client) throws InterruptedException;
    }

    /** Opens a durable store from a file of its own, closes it, and opens it again from the same file. */
    private static void openedTwice(String name, Opened test) throws InterruptedException {
        Path file = data.resolve(name + ".mv.db");
        for (int opening = 0; opening < 2; opening++) {
            MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled()
                    .autoCommitBufferSize(0).open();
            DurableH2Backend backend = new DurableH2Backend(store, new GroupCommit(store, cause -> { }));
            MongoServer server = new MongoServer(backend);
            try (MongoClient client = MongoClients.create(connectionString(server.bind()))) {
                test.with(opening, backend, client);
            } finally {
                server.shutdownNow();
            }
        }
    }

    @Test
    void readsACollectionInItsOwnOrderABatchAtATime() {
        for (MongoClient client : List.of(durableClient, plainClient)) {
            List<Document> entries = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                entries.add(new Document("_id", String.format("e%04d", i)).append("parity", i % 2 == 0 ? "even" : "odd")
                        .append("text", "x".repeat(i % 10 == 0 ? 100_000 : 100)));
            }
            client.getDatabase("lookup").getCollection("entries").insertMany(entries);
        }
        List<Function<MongoCollection<Document>, FindIterable<Document>>> reads = List.of(
                MongoCollection::find,
                entries -> entries.find(Filters.eq("parity", "even")).batchSize(7),
                entries -> entries.find().skip(150).limit(300).batchSize(40),
                entries -> entries.find(Filters.eq("parity", "odd")).limit(120),
                entries -> entries.find().projection(Projections.exclude("text")).skip(990));
        for (int i = 0; i < reads.size(); i++) {
            List<Document> read = assertAnsweredAlike("entries", "read " + i,
                    reads.get(i).andThen(documents -> documents.into(new ArrayList<>())));
            assertThat(read).as("read " + i).isNotEmpty();
        }

        com.mongodb.client.MongoDatabase database = durableClient.getDatabase("lookup");
        Document first = database.runCommand(new Document("find", "entries")).get("cursor", Document.class);
        assertThat(first.getList("firstBatch", Document.class)).hasSize(101);
        Document more = database.runCommand(new Document("getMore", first.getLong("id"))
                .append("collection", "entries")).get("cursor", Document.class);
        // Some MiB a batch: a tenth of the documents hold 100 kB each, so not all the 899 left fit in one.
        assertThat(more.getList("nextBatch", Document.class)).hasSizeBetween(1, 898);
        assertThat(more.getLong("id")).isEqualTo(first.getLong("id"));
        database.runCommand(new Document("killCursors", "entries").append("cursors", List.of(first.getLong("id"))));
    }

    @Test
    void aReadGoesOnAfterTheLastDocumentItReturnedWhateverWasWrittenMeanwhile() {
        MongoCollection<Document> written = durableClient.getDatabase("lookup").getCollection("written");
        for (int i = 0; i < 50; i++) {
            written.insertOne(new Document("_id", String.format("w%02d", i)));
        }
        List<Object> read = new ArrayList<>();
        try (var cursor = written.find().batchSize(10).iterator()) {
            for (int i = 0; i < 10; i++) {
                read.add(cursor.next().get("_id"));
            }
            written.deleteOne(Filters.eq("_id", "w00"));
            written.deleteOne(Filters.eq("_id", "w30"));
            written.insertOne(new Document("_id", "w99"));
            cursor.forEachRemaining(document -> read.add(document.get("_id")));
        }
        assertThat(read).doesNotHaveDuplicates().contains("w00", "w99").doesNotContain("w30").hasSize(50);
    }

    /** Asks both stores the same; this store must answer as mongo-java-server's own backend does. Its answer. */
    /** The collection of that name in this store and in mongo-java-server's own, to fill both alike. */
    private static List<MongoCollection<Document>> inBothStores(String name) {
        return List.of(durableClient.getDatabase("lookup").getCollection(name),
                plainClient.getDatabase("lookup").getCollection(name));
    }

    private static <T> T assertAnsweredAlike(String question, Function<MongoCollection<Document>, T> ask) {
        return assertAnsweredAlike("projects", question, ask);
    }

    private static <T> T assertAnsweredAlike(String collection, String question,
                                             Function<MongoCollection<Document>, T> ask) {
        T answer = ask.apply(durableClient.getDatabase("lookup").getCollection(collection));
        T expected = ask.apply(plainClient.getDatabase("lookup").getCollection(collection));
        assertThat(answer).as(question).isEqualTo(expected);
        return answer;
    }

    /** Ids of a consumer's batch: most of the collection, out of order, with some that are missing. */
    private static List<String> batch() {
        List<String> ids = new ArrayList<>();
        for (int i = 250; i >= 0; i -= 2) {
            ids.add("p" + i);
        }
        return ids;
    }

    @Test
    void anInsertThatPartlyFailsCountsWhatItInserted() {
        MongoCollection<Document> deliveries = durableClient.getDatabase("lookup").getCollection("deliveries");
        deliveries.createIndex(Indexes.ascending("subscriptionId", "eventId"), new IndexOptions().unique(true));
        deliveries.insertOne(delivery("d0", "e0"));

        MongoBulkWriteException unordered = catchThrowableOfType(MongoBulkWriteException.class, () ->
                deliveries.insertMany(List.of(delivery("d1", "e0"), delivery("d2", "e1"), delivery("d3", "e0"),
                        delivery("d4", "e2")), new InsertManyOptions().ordered(false)));
        assertThat(unordered.getWriteErrors()).extracting(BulkWriteError::getIndex).containsExactly(0, 2);
        assertThat(unordered.getWriteResult().getInsertedCount()).isEqualTo(2);

        MongoBulkWriteException ordered = catchThrowableOfType(MongoBulkWriteException.class, () ->
                deliveries.insertMany(List.of(delivery("d5", "e3"), delivery("d6", "e0"), delivery("d7", "e4"))));
        assertThat(ordered.getWriteErrors()).extracting(BulkWriteError::getIndex).containsExactly(1);
        assertThat(ordered.getWriteResult().getInsertedCount()).isEqualTo(1);
        assertThat(deliveries.distinct("_id", String.class)).containsExactlyInAnyOrder("d0", "d2", "d4", "d5");
    }

    private static Document delivery(String id, String eventId) {
        return new Document("_id", id).append("subscriptionId", "s1").append("eventId", eventId);
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("lookup").getCollection("projects");
    }

    private static String connectionString(InetSocketAddress address) {
        return "mongodb://127.0.0.1:" + address.getPort();
    }
}
