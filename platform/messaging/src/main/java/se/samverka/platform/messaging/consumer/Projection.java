package se.samverka.platform.messaging.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;

/**
 * A read model fed from one topic: a {@link ProjectionStore} and how each event type changes its view. Every event of
 * the topic is applied in its aggregate's sequence, also those this read model does not care about and those of
 * types it does not know, which leave the view as it is: otherwise the next event it does care about would look like
 * a gap.
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

    private final ProjectionStore<V> store;
    private final Map<Class<?>, Change<V, Object>> changes;

    private Projection(ProjectionStore<V> store, Map<Class<?>, Change<V, Object>> changes) {
        this.store = store;
        this.changes = Map.copyOf(changes);
    }

    public static <V> Builder<V> into(ProjectionStore<V> store) {
        return new Builder<>(store);
    }

    public ProjectionStore<V> store() {
        return store;
    }

    /** What a consumer binding does with each event of the topic, and with a batch of them. */
    public EventHandlers handlers() {
        return EventHandlers.builder().onEvery(this::apply)
                .onBatch(events -> store.applyAll(events, this::change)).build();
    }

    /** Applies one event of the topic, in its aggregate's sequence. */
    public ApplyOutcome apply(EventEnvelope event) {
        return store.apply(event, change(event));
    }

    private Function<Optional<V>, V> change(EventEnvelope event) {
        Optional<EventContract<?>> contract = EventCatalog.forType(event.type());
        Change<V, Object> change = contract.map(c -> changes.get(c.dataClass())).orElse(null);
        if (change == null) {
            return current -> current.orElse(null);
        }
        Object data = EventCodec.decode(event, contract.get());
        return current -> change.apply(current, data, event);
    }

    public static final class Builder<V> {

        private final ProjectionStore<V> store;
        private final Map<Class<?>, Change<V, Object>> changes = new HashMap<>();

        private Builder(ProjectionStore<V> store) {
            this.store = store;
        }

        @SuppressWarnings("unchecked")
        public <T> Builder<V> on(Class<T> dataClass, Change<V, T> change) {
            changes.put(dataClass, (Change<V, Object>) change);
            return this;
        }

        public Projection<V> build() {
            return new Projection<>(store, changes);
        }
    }
}
