package se.samverka.platform.runtime;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) that keeps its data on disk, in an H2 MVStore file; real
 * MongoDB has no Debian or Maven package. A write is answered only once it is committed and forced to the device
 * ({@link GroupCommit}), so a crash, even of the machine, loses nothing the server acknowledged.
 */
final class MongoWireServer {

    /**
     * A writer waits for its commit on the connection's event loop, holding up the other connections of that loop;
     * many loops keep the writers of different connections apart, so they can share one commit.
     */
    private static final int CONNECTION_THREADS = 64;
    /**
     * How long a chunk no commit needs any more stays unwritten over. H2's default, 45 s, is for writes that reach the
     * disk in their own time; here every commit is forced before the next one writes, and every command holds the
     * version it reads ({@link DurableH2Backend}), so what is left to wait for is only the odd reader between versions.
     * Under load, 45 s of chunks was tens of thousands, each of which the commits keep track of.
     */
    private static final int RETENTION_MILLIS = 2_000;

    private MongoWireServer() {
    }

    static void run(Path data, int port) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Neither a timer nor a memory threshold may commit in the middle of a write: only GroupCommit commits.
        MVStore store = new MVStore.Builder().fileName(data.resolve("samverka.mv.db").toString())
                .autoCommitDisabled().autoCommitBufferSize(0).open();
        store.setRetentionTime(RETENTION_MILLIS);
        GroupCommit commits = new GroupCommit(store, cause -> Runtime.getRuntime().halt(70));
        DurableH2Backend backend = new DurableH2Backend(store, commits);
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, CONNECTION_THREADS);
        System.out.println("Mongo-wire server listening on 127.0.0.1:" + port + ", data in " + data);
        // Meanwhile the indexes the run before had built are built again, for the first requests not to wait for them.
        Thread indexes = new Thread(backend::buildIndexesAsBefore, "mongo-wire-indexes");
        indexes.setDaemon(true);
        indexes.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            stopped.countDown();
        }, "mongo-wire-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
