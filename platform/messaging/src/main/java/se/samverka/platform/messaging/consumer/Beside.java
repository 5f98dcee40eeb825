package se.samverka.platform.messaging.consumer;

import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * What a {@link ProjectionStore} keeps beside each view, written in the same write as the view: for what other
 * documents derive from the views and must be as durable as they are (reporting's figures, ADR 0022).
 *
 * @param <V> the views
 */
public interface Beside<V> {

    /**
     * A view about to be written.
     *
     * @param before     the view as read, null for a new aggregate or one without a view
     * @param keptBefore what was kept beside it, null for nothing
     * @param after      the view to be written, null for none
     */
    record Changed<V>(String id, V before, Document keptBefore, V after) {
    }

    /**
     * Runs once every change of a write is made and before any is written.
     *
     * @return what to keep beside each view, by aggregate id; one left out keeps what it has
     */
    Map<String, Document> beforeWrite(List<Changed<V>> changed);

    /** Runs once the views are written; not when the write failed. */
    void afterWrite();

    /** Keeps nothing beside the views. */
    static <V> Beside<V> nothing() {
        return new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<V>> changed) {
                return Map.of();
            }

            @Override
            public void afterWrite() {
            }
        };
    }

    /** As this, running {@code first} before the views are written, e.g. for what must be durable before them. */
    default Beside<V> runningFirst(Runnable first) {
        Beside<V> then = this;
        return new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<V>> changed) {
                first.run();
                return then.beforeWrite(changed);
            }

            @Override
            public void afterWrite() {
                then.afterWrite();
            }
        };
    }
}
