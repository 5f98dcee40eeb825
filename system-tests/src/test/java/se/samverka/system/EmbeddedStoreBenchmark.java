package se.samverka.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.RuntimeSettings;

/**
 * What durability costs the embedded store: inserts per second and their latency at 1, 4 and 16 concurrent writers
 * against the Mongo-wire server as ./samverka runs it (every write committed and forced to the device before it is
 * answered), beside the same server keeping everything in memory, and beside how many forced writes the machine's
 * disk does in a second on its own; then a steady mix of writes as the services make them (an aggregate inserted, then
 * replaced twice on its version, with its outbox) from eight writers for a minute, window by window, to show that
 * the store neither slows down nor grows beyond what lives in it. On demand, never in verify:
 * {@code ./mvnw -pl system-tests -am verify -Dit.test=EmbeddedStoreBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false}
 */
class EmbeddedStoreBenchmark {

    private static final Duration RUN = Duration.ofSeconds(5);
    private static final int[] WRITERS = {1, 4, 16};
    private static final Duration STEADY = Duration.ofSeconds(60);
    private static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int STEADY_WRITERS = 8;

    @TempDir
    Path home;

    @Test
    void measure() throws Exception {
        double syncsPerSecond = forcedWritesPerSecond(home.resolve("force-test"));
        List<String> lines = new ArrayList<>();
        lines.add("| writers | durable: inserts/s | p50 ms | p99 ms | in memory: inserts/s | durable / in memory |");
        lines.add("|---:|---:|---:|---:|---:|---:|");
        Platform platform = Platform.create(RuntimeSettings.onFreePorts(Path.of(".."), home), Platform.Progress.SILENT);
        MongoServer memory = new MongoServer(H2Backend.inMemory());
        try {
            platform.restart(RuntimeSettings.MONGO);
            String memoryUri = "mongodb://" + hostAndPort(memory.bind());
            for (int writers : WRITERS) {
                Result durable = run(platform.settings().mongoUri(""), writers);
                Result inMemory = run(memoryUri, writers);
                lines.add("| %d | %.0f | %.1f | %.1f | %.0f | %.0f %% |".formatted(writers, durable.perSecond(),
                        durable.p50Millis(), durable.p99Millis(), inMemory.perSecond(),
                        100 * durable.perSecond() / inMemory.perSecond()));
            }
            lines.add("");
            lines.add("| steady mix, %d writers: seconds | writes/s | file MB |".formatted(STEADY_WRITERS));
            lines.add("|---:|---:|---:|");
            lines.addAll(steady(platform.settings().mongoUri(""),
                    platform.settings().dataDir(RuntimeSettings.MONGO).resolve("samverka.mv.db")));
        } finally {
            memory.shutdownNow();
            platform.stop();
        }
        System.out.println();
        System.out.printf("Embedded store, %d s per row; the disk alone: %.0f forced writes/s (FileChannel.force)%n",
                RUN.toSeconds(), syncsPerSecond);
        lines.forEach(System.out::println);
    }

    private record Result(double perSecond, double p50Millis, double p99Millis) {
    }

    private static Result run(String uri, int writers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        AtomicLong sequence = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> projects = client.getDatabase("benchmark").getCollection("projects-" + UUID.randomUUID());
            projects.insertOne(new Document("_id", "warm-up-" + writers + "-" + System.nanoTime()));
            long end = System.nanoTime() + RUN.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < writers; writer++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long started = System.nanoTime();
                        projects.insertOne(new Document("_id", "p-" + sequence.incrementAndGet())
                                .append("title", "Benchmark project").append("status", "IDEA"));
                        latencies.add(System.nanoTime() - started);
                    }
                }));
            }
            for (Future<?> writer : running) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sorted = new ArrayList<>(latencies);
        sorted.sort(Long::compare);
        return new Result(sorted.size() / (double) RUN.toSeconds(), percentile(sorted, 0.50), percentile(sorted, 0.99));
    }

    /** Writes as the services make them, from several writers at once; a table row per window. */
    private static List<String> steady(String uri, Path file) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(STEADY_WRITERS);
        AtomicLong writes = new AtomicLong();
        AtomicLong aggregates = new AtomicLong();
        List<String> rows = Collections.synchronizedList(new ArrayList<>());
        try (MongoClient client = MongoClients.create(uri)) {
            List<MongoCollection<Document>> collections = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                collections.add(client.getDatabase("steady-" + i % 4).getCollection("aggregates-" + i));
            }
            // Half a window past the last, so that the last window counts whole.
            long end = System.nanoTime() + STEADY.plus(WINDOW.dividedBy(2)).toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int writer = 0; writer < STEADY_WRITERS; writer++) {
                running.add(pool.submit(() -> {
                    while (System.nanoTime() < end) {
                        long number = aggregates.incrementAndGet();
                        MongoCollection<Document> aggregatesOfKind = collections.get((int) (number % collections.size()));
                        String id = "a-" + number;
                        aggregatesOfKind.insertOne(aggregate(id, 1));
                        for (long version = 1; version <= 2; version++) {
                            aggregatesOfKind.replaceOne(new Document("_id", id).append("version", version),
                                    aggregate(id, version + 1));
                        }
                        writes.addAndGet(3);
                    }
                    return null;
                }));
            }
            AtomicLong counted = new AtomicLong();
            AtomicLong windows = new AtomicLong();
            ScheduledExecutorService windowing = Executors.newSingleThreadScheduledExecutor();
            windowing.scheduleAtFixedRate(() -> {
                long now = writes.get();
                double perSecond = (now - counted.getAndSet(now)) / (double) WINDOW.toSeconds();
                try {
                    rows.add("| %d | %.0f | %d |".formatted(windows.incrementAndGet() * WINDOW.toSeconds(), perSecond,
                            Files.size(file) / (1024 * 1024)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, WINDOW.toMillis(), WINDOW.toMillis(), TimeUnit.MILLISECONDS);
            try {
                for (Future<?> writer : running) {
                    writer.get();
                }
            } finally {
                windowing.shutdownNow();
            }
        } finally {
            pool.shutdownNow();
        }
        return rows;
    }

    /** About what project-service keeps of a project: its state and, every other version, an event waiting. */
    private static Document aggregate(String id, long version) {
        Document state = new Document("title", "Projekt " + id).append("status", "ONGOING")
                .append("description", "Samverkan över gränserna. ".repeat(24))
                .append("partners", List.of(
                        new Document("organisationId", UUID.randomUUID().toString()).append("role", "LEAD"),
                        new Document("organisationId", UUID.randomUUID().toString()).append("role", "PARTNER")))
                .append("funding", List.of(new Document("source", "EU").append("amount", 125_000.5).append("year", 2026)));
        return new Document("_id", id).append("version", version).append("state", state)
                .append("outbox", version % 2 == 0 ? List.of()
                        : List.of(new Document("eventId", UUID.randomUUID().toString()).append("payload", state)));
    }

    private static double percentile(List<Long> sorted, double fraction) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(fraction * sorted.size()))) / 1e6;
    }

    /** How many small writes, each forced to the device, the disk under the data folder does in a second. */
    private static double forcedWritesPerSecond(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            long end = System.nanoTime() + RUN.toNanos();
            long count = 0;
            for (; System.nanoTime() < end; count++) {
                block.rewind();
                channel.write(block, (count % 256) * 4096);
                channel.force(false);
            }
            return count / (double) RUN.toSeconds();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String hostAndPort(InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
