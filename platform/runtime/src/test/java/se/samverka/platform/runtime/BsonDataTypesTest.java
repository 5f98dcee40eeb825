package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents and index keys in BSON, and a store written in H2's default format read on. */
class BsonDataTypesTest {

    @TempDir
    Path data;

    @Test
    void aStoreFromBeforeReadsOnAndItsUniqueIndexesStillHold() {
        Path file = data.resolve("store.mv.db");
        List<Document> written = documents();
        MVStore earlier = MVStore.open(file.toString());
        serve(new H2Backend(earlier), client -> {
            collection(client).insertMany(written);
            collection(client).createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
        });
        earlier.close();

        serveDurably(file, client -> {
            assertThat(collection(client).find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
                    .isEqualTo(written);
            assertThat(collection(client).find(Filters.eq("name", "Projekt 42")).first())
                    .isEqualTo(written.stream().filter(d -> d.get("name").equals("Projekt 42")).findFirst().orElseThrow());
            assertThatThrownBy(() -> collection(client).insertOne(new Document("_id", "other").append("name", "Projekt 7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> collection(client).insertOne(new Document("_id", "p7")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
            collection(client).updateOne(Filters.eq("_id", "p3"), Updates.set("name", "Projekt tre"));
        });

        serveDurably(file, client -> {
            assertThat(collection(client).find(Filters.eq("name", "Projekt tre")).first()).containsEntry("_id", "p3");
            assertThat(collection(client).find(Filters.eq("name", "Projekt 3")).first()).isNull();
            collection(client).insertOne(new Document("_id", "other").append("name", "Projekt 3"));
            assertThat(collection(client).countDocuments()).isEqualTo(written.size() + 1);
        });
        MVStore reopened = MVStore.open(file.toString());
        assertThat(reopened.getMapNames()).contains("samverka.projects._keys_name_1")
                .noneMatch(name -> name.contains("._index_"));
        reopened.close();
    }

    @Test
    void keysOfOneValueCompareEqualAndOthersApart() {
        BsonDataTypes.Keys keys = new BsonDataTypes.Keys();
        assertThat(keys.compare(new KeyValue("a", 1), new KeyValue("a", 1))).isZero();
        assertThat(keys.compare(new KeyValue("a", 1), new KeyValue("a", 1L))).isNotZero();
        assertThat(keys.compare(new KeyValue("a"), new KeyValue("b"))).isNegative();
        assertThat(keys.compare(new KeyValue("b"), new KeyValue("a"))).isPositive();

        KeyValue key = new KeyValue("p1", 7L, Missing.getInstance(), null,
                new de.bwaldvogel.mongo.bson.Document("title", "Ett"), UUID.fromString("9f1e7a52-7d7c-4c5e-9f0a-0c3b8f7d1a11"));
        WriteBuffer buffer = new WriteBuffer();
        keys.write(buffer, key);
        keys.write(buffer, new KeyValue("next"));
        ByteBuffer read = buffer.getBuffer().flip();
        assertThat(keys.read(read)).isEqualTo(key);
        assertThat(keys.read(read)).isEqualTo(new KeyValue("next"));
    }

    @Test
    void theSearchFindsEveryKeyAndWhereAMissingOneBelongsFromAnyGuess() {
        BsonDataTypes.Keys keys = new BsonDataTypes.Keys();
        KeyValue[] stored = new KeyValue[20];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = new KeyValue(String.format("k%02d", i * 2));
        }
        for (int guess = -1; guess <= stored.length + 1; guess++) {
            for (int i = 0; i < stored.length; i++) {
                assertThat(keys.binarySearch(new KeyValue(String.format("k%02d", i * 2)), stored, stored.length, guess))
                        .isEqualTo(i);
                assertThat(keys.binarySearch(new KeyValue(String.format("k%02d", i * 2 + 1)), stored, stored.length,
                        guess)).isEqualTo(-(i + 2));
            }
            assertThat(keys.binarySearch(new KeyValue("a"), stored, stored.length, guess)).isEqualTo(-1);
        }
    }

    @Test
    void aDocumentBsonCannotHoldIsWrittenInH2sOwnForm() {
        BsonDataTypes.Documents documents = new BsonDataTypes.Documents();
        de.bwaldvogel.mongo.bson.Document odd = new de.bwaldvogel.mongo.bson.Document("_id", "p1")
                .append("count", new java.math.BigInteger("123456789012345678901234567890"));
        de.bwaldvogel.mongo.bson.Document plain = new de.bwaldvogel.mongo.bson.Document("_id", "p2").append("title", "Två");
        WriteBuffer buffer = new WriteBuffer();
        documents.write(buffer, odd);
        documents.write(buffer, plain);
        ByteBuffer read = buffer.getBuffer().flip();
        assertThat(documents.read(read)).isEqualTo(odd);
        assertThat(documents.read(read)).isEqualTo(plain);
    }

    @Test
    void aDocumentIsCountedInThePageCacheByWhatItHolds() {
        BsonDataTypes.Documents documents = new BsonDataTypes.Documents();
        de.bwaldvogel.mongo.bson.Document small = new de.bwaldvogel.mongo.bson.Document("_id", "p1");
        de.bwaldvogel.mongo.bson.Document project = new de.bwaldvogel.mongo.bson.Document("_id", "p2");
        for (int i = 0; i < 20; i++) {
            project.append("field" + i, "ett värde om trettio tecken...");
        }
        de.bwaldvogel.mongo.bson.Document nested = new de.bwaldvogel.mongo.bson.Document("_id", "p3")
                .append("state", project).append("partners", List.of(project, project));

        // Twenty fields of thirty characters: entries, keys and values take about 2.5 KB decoded.
        assertThat(documents.getMemory(project)).isBetween(2_000, 4_000);
        assertThat(documents.getMemory(small)).isLessThan(400);
        assertThat(documents.getMemory(nested)).isGreaterThan(3 * documents.getMemory(project));
    }

    private static List<Document> documents() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            documents.add(new Document("_id", "p" + String.format("%03d", i)).append("name", "Projekt " + i)
                    .append("version", (long) i)
                    .append("budget", i * 1.5)
                    .append("registered", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)))
                    .append("owner", new ObjectId("65a0000000000000000000" + String.format("%02x", i)))
                    .append("state", new Document("status", i % 2 == 0 ? "IDEA" : "ONGOING")
                            .append("countries", List.of("SE", "FI")).append("note", i % 3 == 0 ? null : "å ä ö")));
        }
        // p3 and p7 named as the index's test expects, under the zero-padded ids
        documents.set(3, documents.get(3).append("_id", "p3"));
        documents.set(7, documents.get(7).append("_id", "p7"));
        documents.sort((a, b) -> a.getString("_id").compareTo(b.getString("_id")));
        return documents;
    }

    private static void serveDurably(Path file, Consumer<MongoClient> use) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().autoCommitBufferSize(0).open();
        GroupCommit commits = new GroupCommit(store, cause -> { });
        serve(new DurableH2Backend(store, commits), use);
        store.close();
    }

    private static void serve(de.bwaldvogel.mongo.MongoBackend backend, Consumer<MongoClient> use) {
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            use.accept(client);
        } finally {
            server.shutdownNow();
        }
    }

    private static MongoCollection<Document> collection(MongoClient client) {
        return client.getDatabase("samverka").getCollection("projects");
    }
}
