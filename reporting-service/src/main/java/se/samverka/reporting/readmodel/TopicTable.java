package se.samverka.reporting.readmodel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.Beside;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;

/**
 * The read model of one topic's aggregates and what each event type of the topic reaches: the change it makes to
 * its aggregate's entry and, if it is news, what the activity feed tells of it. Types without a row change nothing
 * but the sequence the entry reflects.
 *
 * @param subject    what a feed line calls the aggregate, from its entry
 * @param visibility who may see a feed line of the aggregate, from its entry; null for all who see the feed
 * @param beside     what the store keeps beside each entry
 */
record TopicTable<V>(String topic, ProjectionStore<V> store, Function<V, String> subject,
                     Function<V, String> visibility, Map<Class<?>, Row<V, ?>> rows, Beside<V> beside) {

    TopicTable {
        rows = Map.copyOf(rows);
    }

    /** What the feed says of an event beyond its type, from the event and the entry as the event left it. */
    @FunctionalInterface
    interface Told<V, T> {
        Map<String, String> details(T event, V entry);
    }

    /** The projections one event type reaches: the entry's change, and the feed line when {@code told} is there. */
    record Row<V, T>(Class<T> type, Projection.Change<V, T> entry, Told<V, T> told) {

        V changed(Optional<V> current, Object event, EventEnvelope envelope) {
            return entry.apply(current, type.cast(event), envelope);
        }

        Optional<Map<String, String>> details(Object event, V changed) {
            return Optional.ofNullable(told).map(line -> line.details(type.cast(event), changed));
        }
    }

    static <V> Builder<V> of(String topic, ProjectionStore<V> store, Function<V, String> subject,
                             Function<V, String> visibility) {
        return new Builder<>(topic, store, subject, visibility);
    }

    Optional<Row<V, ?>> row(Class<?> type) {
        return Optional.ofNullable(rows.get(type));
    }

    static final class Builder<V> {

        private final String topic;
        private final ProjectionStore<V> store;
        private final Function<V, String> subject;
        private final Function<V, String> visibility;
        private final Map<Class<?>, Row<V, ?>> rows = new HashMap<>();
        private Beside<V> beside = Beside.nothing();

        private Builder(String topic, ProjectionStore<V> store, Function<V, String> subject,
                        Function<V, String> visibility) {
            this.topic = topic;
            this.store = store;
            this.subject = subject;
            this.visibility = visibility;
        }

        /** An event type that changes the entry and is no news. */
        <T> Builder<V> on(Class<T> type, Projection.Change<V, T> entry) {
            return on(type, entry, null);
        }

        /** An event type that changes the entry and is told in the feed. */
        <T> Builder<V> on(Class<T> type, Projection.Change<V, T> entry, Told<V, T> told) {
            if (rows.putIfAbsent(type, new Row<>(type, entry, told)) != null) {
                throw new IllegalStateException(type.getSimpleName() + " has two rows in the table of " + topic);
            }
            return this;
        }

        /** What the store keeps beside each entry, written with it. */
        Builder<V> keeping(Beside<V> kept) {
            this.beside = kept;
            return this;
        }

        TopicTable<V> build() {
            return new TopicTable<>(topic, store, subject, visibility, rows, beside);
        }
    }
}
