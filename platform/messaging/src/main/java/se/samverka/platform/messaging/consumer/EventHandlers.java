package se.samverka.platform.messaging.consumer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import se.samverka.platform.events.EventEnvelope;

/**
 * What a consumer does with each event type it cares about (other types pass by), and optionally with every event,
 * whatever its type, after the handler of its type; optionally also what it does with many events at once.
 */
public final class EventHandlers {

    private final Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers;
    private final Consumer<EventEnvelope> everyEvent;
    private final Function<List<EventEnvelope>, List<MissingEventsException>> batch;

    private EventHandlers(Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers, Consumer<EventEnvelope> everyEvent,
                          Function<List<EventEnvelope>, List<MissingEventsException>> batch) {
        this.handlers = Map.copyOf(handlers);
        this.everyEvent = everyEvent;
        this.batch = batch;
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

    Optional<Function<List<EventEnvelope>, List<MissingEventsException>>> batch() {
        return Optional.ofNullable(batch);
    }

    public static final class Builder {

        private final Map<Class<?>, BiConsumer<Object, EventEnvelope>> handlers = new HashMap<>();
        private Consumer<EventEnvelope> everyEvent = event -> { };
        private Function<List<EventEnvelope>, List<MissingEventsException>> batch;

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

        /**
         * Does for a batch of events, in their order, what the other handlers do for each: so that a consumer that
         * polled many applies them in one read and one write. Returns the events it did not apply because earlier
         * events of their aggregates are missing; the consumer fills those gaps from the log one event at a time.
         * Should the batch fail, the consumer hands its events to the other handlers one by one, so the batch must
         * leave nothing that applying them again would repeat.
         */
        public Builder onBatch(Function<List<EventEnvelope>, List<MissingEventsException>> handler) {
            this.batch = handler;
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(handlers, everyEvent, batch);
        }
    }
}
