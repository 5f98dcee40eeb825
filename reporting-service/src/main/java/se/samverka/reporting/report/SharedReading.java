package se.samverka.reporting.report;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * One reading at a time of what a key names: who asks while a reading of the same key is under way waits for it and
 * gets what it read, instead of reading and holding it once more. The portal's report page asks four reports at
 * once, and each read every entry.
 *
 * @param <K> what is read (a generation of the read models): a reading of another key is not shared
 * @param <T> what a reading gives
 */
final class SharedReading<K, T> {

    private record UnderWay<K, T>(K key, CompletableFuture<T> result) {
    }

    private final AtomicReference<UnderWay<K, T>> underWay = new AtomicReference<>();

    /**
     * What {@code read} gives for the key, read now or by the reading of it under way.
     *
     * @throws RuntimeException what the shared reading threw
     */
    T read(K key, Supplier<T> read) {
        UnderWay<K, T> mine = new UnderWay<>(key, new CompletableFuture<>());
        UnderWay<K, T> current;
        do {
            current = underWay.get();
            if (current != null && Objects.equals(current.key(), key)) {
                return awaited(current.result());
            }
        } while (!underWay.compareAndSet(current, mine));
        try {
            T result = read.get();
            mine.result().complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            underWay.compareAndSet(mine, null);
        }
    }

    private static <T> T awaited(CompletableFuture<T> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
