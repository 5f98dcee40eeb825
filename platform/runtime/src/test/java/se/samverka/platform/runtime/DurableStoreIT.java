package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Mongo-wire server as ./samverka runs it, killed with -9 while several clients write: every write it
 * acknowledged is there after the restart.
 */
class DurableStoreIT {

    private static final int WRITERS = 4;

    @TempDir
    Path home;

    private Platform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void aKilledServerKeepsEveryWriteItAcknowledged() throws Exception {
        platform = Platform.create(RuntimeSettings.onFreePorts(Path.of("../.."), home), Platform.Progress.SILENT);
        platform.restart(RuntimeSettings.MONGO);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = client()) {
            MongoCollection<Document> projects = client.getDatabase("project-service").getCollection("projects");
            List<Future<?>> running = IntStream.range(0, WRITERS).<Future<?>>mapToObj(writer -> writers.submit(() -> {
                for (int n = 0; ; n++) {
                    String id = writer + "-" + n;
                    try {
                        projects.insertOne(new Document("_id", id).append("title", "Project " + id));
                    } catch (MongoException e) {
                        // The server is gone: this write and the ones after it are not acknowledged.
                        return;
                    }
                    acknowledged.add(id);
                }
            })).toList();
            await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= 500);

            platform.kill(RuntimeSettings.MONGO);
            for (Future<?> writer : running) {
                writer.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }

        platform.restart(RuntimeSettings.MONGO);
        Set<String> stored = new HashSet<>();
        try (MongoClient client = client()) {
            client.getDatabase("project-service").getCollection("projects").find()
                    .forEach(document -> stored.add(document.getString("_id")));
        }
        System.out.printf("%d writes acknowledged before the kill, %d stored after the restart%n",
                acknowledged.size(), stored.size());
        assertThat(stored).containsAll(acknowledged);
    }

    private MongoClient client() {
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(platform.settings().mongoUri("")))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS)
                        .readTimeout(5, TimeUnit.SECONDS))
                .build());
    }
}
