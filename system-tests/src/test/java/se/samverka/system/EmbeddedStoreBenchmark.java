package se.samverka.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
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
 * disk does in a second on its own. On demand, never in verify:
 * {@code ./mvnw -pl system-tests verify -Dit.test=EmbeddedStoreBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}
 */
class EmbeddedStoreBenchmark {

    private static final Duration RUN = Duration.ofSeconds(5);
    private static final int[] WRITERS = {1, 4, 16};

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
