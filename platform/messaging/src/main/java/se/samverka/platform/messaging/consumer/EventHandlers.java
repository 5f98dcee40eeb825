package se.samverka.platform.messaging.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import se.samverka.platform.events.EventEnvelope;

/** What a consumer does with each event type it cares about; other types pass by. */
public final class EventHandlers {

    private final Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers;

    private EventHandlers(Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<BiConsumer<Object, EventEnvelope>> handlerFor(Class<?> dataClass) {
        return Optional.ofNullable(handlers.get(dataClass));
    }

    public static final class Builder {

        private final Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers = new HashMap<>();

        public <T> Builder on(Class<T> dataClass, BiConsumer<T, EventEnvelope> handler) {
            handlers.put(dataClass, (data, envelope) -> handler.accept(dataClass.cast(data), envelope));
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers);
        }
    }
}
