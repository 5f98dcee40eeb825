package se.samverka.runtime;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.h2.mvstore.MVStore;

/**
 * A MongoDB-wire-compatible server (mongo-java-server) that keeps its data on disk, in an H2 MVStore file; real
 * MongoDB has no Debian or Maven package. Changes reach the file within a tenth of a second; a clean stop writes
 * everything.
 */
final class MongoWireServer {

    private static final int COMMIT_DELAY_MILLIS = 100;

    private MongoWireServer() {
    }

    static void run(Path data, int port) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MVStore store = new MVStore.Builder().fileName(data.resolve("samverka.mv.db").toString()).open();
        store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
        MongoServer server = new MongoServer(new H2Backend(store));
        server.bind("127.0.0.1", port);
        System.out.println("Mongo-wire server listening on 127.0.0.1:" + port + ", data in " + data);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdownNow();
            if (!store.isClosed()) {
                store.close();
            }
            stopped.countDown();
        }, "mongo-wire-stop"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
