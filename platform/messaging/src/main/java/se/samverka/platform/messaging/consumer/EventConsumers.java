package se.samverka.platform.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.PoisonEventException;
import se.samverka.platform.messaging.TraceContext;

/**
 * Builds the functions that Spring Cloud Stream binds to topics. Each reads the CloudEvent from the record,
 * decodes its data by contract and hands it to the handler for its type, inside a span that continues the trace of
 * the change that caused the event. Unknown types are skipped and counted; a record that is not a valid event
 * throws {@link PoisonEventException} and goes to the dead-letter topic.
 *
 * <p>A gap heals itself: when a read model lacks the events before the one that came
 * ({@link MissingEventsException}), the consumer re-reads them from the record's partition (the log keeps every
 * event), hands them to the same handlers in order, and then the event itself. Only events the log does not have
 * leave the gap open, counted and logged.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final TraceContext traces;
    private final MeterRegistry meters;
    private final EventLog eventLog;
    private final List<ReadModelBinding> readModels = new CopyOnWriteArrayList<>();

    public EventConsumers(TraceContext traces, MeterRegistry meters, EventLog eventLog) {
        this.traces = traces;
        this.meters = meters;
        this.eventLog = eventLog;
    }

    /** A function for a binding; {@code name} tags its metrics. */
    public Consumer<Message<byte[]>> consumer(String name, EventHandlers handlers) {
        return message -> {
            EventEnvelope event = CloudEventsKafkaBinding.read(header -> header(message, header), message.getPayload());
            deliver(name, handlers, event, LogPosition.of(message.getHeaders()));
        };
    }

    /** The function for a read model's binding, which is then also reconciled with the log. */
    public Consumer<Message<byte[]>> readModel(ReadModelBinding readModel) {
        readModels.add(readModel);
        return consumer(readModel.name(), readModel.handlers());
    }

    /** The read models this service feeds, as their bindings were made. */
    public List<ReadModelBinding> readModels() {
        return List.copyOf(readModels);
    }

    /** Hands an event read back from the log to a read model's handlers, as if it came live. */
    public void redeliver(ReadModelBinding readModel, EventLog.LoggedEvent logged) {
        deliver(readModel.name(), readModel.handlers(), logged.event(), logged.position());
    }

    private void deliver(String name, EventHandlers handlers, EventEnvelope event, LogPosition position) {
        long filledFrom = 0;
        while (true) {
            try {
                handleInTrace(name, handlers, event);
                return;
            } catch (MissingEventsException gap) {
                if (gap.expectedSequence() <= filledFrom) {
                    // The handlers passed the re-read events by: this consumer does not apply every event.
                    unfilled(name);
                    log.error("{}; the re-read events did not close it, so the event is not applied", gap.getMessage());
                    return;
                }
                if (!fill(name, handlers, gap, position)) {
                    return;
                }
                filledFrom = gap.expectedSequence();
            }
        }
    }

    /** Re-reads the events a read model lacks and applies them; false when the log does not have them all. */
    private boolean fill(String name, EventHandlers handlers, MissingEventsException gap, LogPosition position) {
        EventEnvelope event = gap.event();
        long first = gap.expectedSequence();
        long last = event.sequence() - 1;
        List<EventLog.LoggedEvent> missing = position == null ? List.of()
                : eventLog.events(position.topic(), position.partition(), event.aggregateId(), first, last,
                        position.offset());
        if (missing.size() != last - first + 1) {
            unfilled(name);
            log.error("{}; the log has {} of the {} missing events, so the event is not applied", gap.getMessage(),
                    missing.size(), last - first + 1);
            return false;
        }
        try {
            for (EventLog.LoggedEvent earlier : missing) {
                handleInTrace(name, handlers, earlier.event());
            }
        } catch (PoisonEventException e) {
            unfilled(name);
            log.error("{}; a missing event breaks its contract ({}), so the gap stays", gap.getMessage(), e.getMessage());
            return false;
        }
        count(name, "samverka.events.gaps.filled", "Gaps filled by re-reading the missing events from the log");
        log.warn("{}; re-read sequences {} to {} from {}-{} and applied them", gap.getMessage(), first, last,
                position.topic(), position.partition());
        return true;
    }

    private void handleInTrace(String name, EventHandlers handlers, EventEnvelope event) {
        traces.continueTrace(event.traceparent(), name + " " + event.type(), () -> {
            handle(name, event, handlers);
            handlers.everyEvent().accept(event);
        });
    }

    private void handle(String name, EventEnvelope event, EventHandlers handlers) {
        Optional<EventContract<?>> contract = EventCatalog.forType(event.type());
        if (contract.isEmpty()) {
            count(name, "samverka.events.unknown", event.type(), "Events of a type this consumer does not know, skipped");
            log.debug("{} skips {} {}: unknown type", name, event.type(), event.id());
            return;
        }
        Optional<BiConsumer<Object, EventEnvelope>> handler = handlers.handlerFor(contract.get().dataClass());
        if (handler.isPresent()) {
            handler.get().accept(EventCodec.decode(event, contract.get()), event);
        }
    }

    /**
     * Spring Cloud Function rewrites the Kafka binding's {@code ce_} attribute headers to the canonical {@code ce-}
     * before a function sees them; either spelling is read.
     */
    private static String header(Message<byte[]> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value == null && name.startsWith("ce_")) {
            value = message.getHeaders().get("ce-" + name.substring(3));
        }
        return value == null ? null : value.toString();
    }

    private void count(String consumer, String metric, String type, String description) {
        Counter.builder(metric).tag("consumer", consumer).tag("type", type).description(description)
                .register(meters).increment();
    }

    private void count(String consumer, String metric, String description) {
        Counter.builder(metric).tag("consumer", consumer).description(description).register(meters).increment();
    }

    private void unfilled(String consumer) {
        count(consumer, "samverka.events.gaps.unfilled", "Gaps left open: the log lacks a missing event, or it is poison");
    }
}
