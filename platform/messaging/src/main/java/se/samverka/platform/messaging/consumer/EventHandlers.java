package se.samverka.platform.messaging.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import se.samverka.platform.events.EventEnvelope;

/**
 * What a consumer does with each event type it cares about (other types pass by), and optionally with every event,
 * whatever its type, after the handler of its type.
 */
public final class EventHandlers {

    private final Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers;
    private final Consumer<EventEnvelope> everyEvent;

    private EventHandlers(Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers, Consumer<EventEnvelope> everyEvent) {
        this.handlers = Map.copyOf(handlers);
        this.everyEvent = everyEvent;
    }

    public static Builder builder() {
        return new Builder();
    }

    Optional<BiConsumer<Object, EventEnvelope>> handlerFor(Class<?> dataClass) {
        return Optional.ofNullable(handlers.get(dataClass));
    }

    Consumer<EventEnvelope> everyEvent() {
        return everyEvent;
    }

    public static final class Builder {

        private final Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers = new HashMap<>();
        private Consumer<EventEnvelope> everyEvent = event -> { };

        public <T> Builder on(Class<T> dataClass, BiConsumer<T, EventEnvelope> handler) {
            handlers.put(dataClass, (data, envelope) -> handler.accept(dataClass.cast(data), envelope));
            return this;
        }

        /**
         * Also runs for every event, known type or not, duplicates included: it must be idempotent. For what any event
         * of an aggregate means, such as activity.
         */
        public Builder onEvery(Consumer<EventEnvelope> handler) {
            this.everyEvent = handler;
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers, everyEvent);
        }
    }
}
