package se.samverka.platform.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.PoisonEventException;
import se.samverka.platform.messaging.TraceContext;

/**
 * Builds the functions that Spring Cloud Stream binds to topics. Each takes what a poll brought (ADR 0020), reads
 * the CloudEvent from each record, decodes its data by contract and hands it to the handler for its type, or the
 * whole batch to the batch handler, inside spans that continue the traces of the changes that caused the events.
 * Unknown types are skipped and counted; a record that is not a valid event throws {@link PoisonEventException} and
 * goes to the dead-letter topic.
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

    /**
     * A function for a binding, which the platform binds in batch mode: it gets what a poll of the topic brought;
     * {@code name} tags its metrics. Where the handlers take batches, the events go to them together, else one by
     * one. Should the batch fail, its events go one by one, and the first that fails is the one the error handler
     * retries or dead-letters: what came before it is applied and committed, what comes after comes again.
     */
    public Consumer<Message<List<byte[]>>> consumer(String name, EventHandlers handlers) {
        // Counted from zero, so that dashboards and alerts on gaps have a series before the first.
        gapsFilled(name);
        gapsUnfilled(name);
        return message -> {
            List<byte[]> payloads = message.getPayload();
            if (!payloads.isEmpty()) {
                measure(name, payloads.size());
            }
            List<EventEnvelope> events = new ArrayList<>();
            List<LogPosition> positions = new ArrayList<>();
            for (int i = 0; i < payloads.size(); i++) {
                Map<String, Object> headers = recordHeaders(message.getHeaders(), i);
                try {
                    events.add(CloudEventsKafkaBinding.read(header -> header(headers, header), payloads.get(i)));
                } catch (PoisonEventException poison) {
                    deliver(name, handlers, events, positions);
                    throw new BatchListenerFailedException(poison.getMessage(), poison, i);
                }
                positions.add(LogPosition.of(message.getHeaders(), i));
            }
            deliver(name, handlers, events, positions);
        };
    }

    /** The function for a read model's binding, which is then also reconciled with the log. */
    public Consumer<Message<List<byte[]>>> readModel(ReadModelBinding readModel) {
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

    private void deliver(String name, EventHandlers handlers, List<EventEnvelope> events, List<LogPosition> positions) {
        Optional<Function<List<EventEnvelope>, List<MissingEventsException>>> batch = handlers.batch();
        if (batch.isPresent() && events.size() > 1) {
            List<MissingEventsException> gaps;
            try {
                gaps = traces.continueTraces(events.stream().map(EventEnvelope::traceparent).toList(),
                        events.stream().map(event -> name + " " + event.type()).toList(),
                        () -> batch.get().apply(events));
            } catch (RuntimeException e) {
                count(name, "samverka.events.batches.split",
                        "Batches applied one event at a time, because applying them together failed");
                log.debug("{} applies a batch of {} one by one: {}", name, events.size(), e.toString());
                deliverEach(name, handlers, events, positions, event -> true);
                return;
            }
            Set<EventEnvelope> unapplied = Collections.newSetFromMap(new IdentityHashMap<>());
            gaps.forEach(gap -> unapplied.add(gap.event()));
            deliverEach(name, handlers, events, positions, unapplied::contains);
        } else {
            deliverEach(name, handlers, events, positions, event -> true);
        }
    }

    private void deliverEach(String name, EventHandlers handlers, List<EventEnvelope> events,
                             List<LogPosition> positions, Predicate<EventEnvelope> which) {
        for (int i = 0; i < events.size(); i++) {
            if (which.test(events.get(i))) {
                try {
                    deliver(name, handlers, events.get(i), positions.get(i));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(e.getMessage(), e, i);
                }
            }
        }
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
        gapsFilled(name).increment();
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

    /** The headers of the {@code index}th record of a batch, as the binder gives them. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> recordHeaders(MessageHeaders headers, int index) {
        Object converted = LogPosition.element(headers, KafkaHeaders.BATCH_CONVERTED_HEADERS, index);
        return converted == null ? Map.of() : (Map<String, Object>) converted;
    }

    /** A record's header; CloudEvents attributes come as text, or as the bytes the record carries. */
    private static String header(Map<String, Object> headers, String name) {
        Object value = headers.get(name);
        return value == null ? null
                : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
    }

    private void count(String consumer, String metric, String type, String description) {
        Counter.builder(metric).tag("consumer", consumer).tag("type", type).description(description)
                .register(meters).increment();
    }

    private void count(String consumer, String metric, String description) {
        Counter.builder(metric).tag("consumer", consumer).description(description).register(meters).increment();
    }

    private void measure(String consumer, int events) {
        DistributionSummary.builder("samverka.events.batch.size").tag("consumer", consumer)
                .description("Events a consumer took from one poll of its topic").register(meters).record(events);
    }

    private void unfilled(String consumer) {
        gapsUnfilled(consumer).increment();
    }

    private Counter gapsUnfilled(String consumer) {
        return Counter.builder("samverka.events.gaps.unfilled").tag("consumer", consumer)
                .description("Gaps left open: the log lacks a missing event, or it is poison").register(meters);
    }

    private Counter gapsFilled(String consumer) {
        return Counter.builder("samverka.events.gaps.filled").tag("consumer", consumer)
                .description("Gaps filled by re-reading the missing events from the log").register(meters);
    }
}
