package se.samverka.platform.messaging.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;

/**
 * A read model fed from one topic: a {@link ProjectionStore} and how each event type changes its view. Every event of
 * the topic is applied in its aggregate's sequence, also those this read model does not care about and those of
 * types it does not know, which leave the view as it is: otherwise the next event it does care about would look like
 * a gap. A read model kept in generations ({@link GenerationalStore}) applies to the generation that serves when the
 * events come, and a rebuild applies the same changes to the generation it fills ({@link #onto}).
 */
public final class Projection<V> {

    /** How an event of one type changes a view. */
    @FunctionalInterface
    public interface Change<V, T> {
        /**
         * @param current the view before the event; empty before the aggregate's first event
         * @return the view after it
         */
        V apply(Optional<V> current, T data, EventEnvelope event);
    }

    private final Supplier<ProjectionStore<V>> store;
    private final Function<EventEnvelope, Function<Optional<V>, V>> changes;

    private Projection(Supplier<ProjectionStore<V>> store, Function<EventEnvelope, Function<Optional<V>, V>> changes) {
        this.store = store;
        this.changes = changes;
    }

    public static <V> Builder<V> into(ProjectionStore<V> store) {
        return new Builder<>(() -> store);
    }

    /** Into the generation that serves when each event, or batch of them, comes. */
    public static <V> Builder<V> into(GenerationalStore<V> store) {
        return new Builder<>(store::live);
    }

    /**
     * A projection whose change is the same function for every event, whatever its type.
     *
     * @param changes the change an event makes, from the view before it to the one after
     */
    public static <V> Projection<V> of(GenerationalStore<V> store,
                                       Function<EventEnvelope, Function<Optional<V>, V>> changes) {
        return new Projection<>(store::live, changes);
    }

    /** The same changes applied to another store: what a rebuild fills. */
    public Projection<V> onto(ProjectionStore<V> other) {
        return new Projection<>(() -> other, changes);
    }

    public ProjectionStore<V> store() {
        return store.get();
    }

    /** What a consumer binding does with each event of the topic, and with a batch of them. */
    public EventHandlers handlers() {
        return EventHandlers.builder().onEvery(this::apply).onBatch(this::applyAll).build();
    }

    /** Applies one event of the topic, in its aggregate's sequence. */
    public ApplyOutcome apply(EventEnvelope event) {
        return store().apply(event, changes.apply(event));
    }

    /** Applies a batch of events of the topic, as {@link ProjectionStore#applyAll(List, Function)} does. */
    public List<MissingEventsException> applyAll(List<EventEnvelope> events) {
        return store().applyAll(events, changes);
    }

    public static final class Builder<V> {

        private final Supplier<ProjectionStore<V>> store;
        private final Map<Class<?>, Change<V, Object>> changes = new HashMap<>();

        private Builder(Supplier<ProjectionStore<V>> store) {
            this.store = store;
        }

        @SuppressWarnings("unchecked")
        public <T> Builder<V> on(Class<T> dataClass, Change<V, T> change) {
            changes.put(dataClass, (Change<V, Object>) change);
            return this;
        }

        public Projection<V> build() {
            Map<Class<?>, Change<V, Object>> byType = Map.copyOf(changes);
            return new Projection<>(store, event -> change(byType, event));
        }

        private static <V> Function<Optional<V>, V> change(Map<Class<?>, Change<V, Object>> byType,
                                                           EventEnvelope event) {
            Optional<EventContract<?>> contract = EventCatalog.forType(event.type());
            Change<V, Object> change = contract.map(c -> byType.get(c.dataClass())).orElse(null);
            if (change == null) {
                return current -> current.orElse(null);
            }
            Object data = EventCodec.decode(event, contract.get());
            return current -> change.apply(current, data, event);
        }
    }
}
