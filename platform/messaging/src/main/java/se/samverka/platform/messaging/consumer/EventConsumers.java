package se.samverka.platform.messaging.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
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
import se.samverka.platform.messaging.TraceContext;

/**
 * Builds the functions that Spring Cloud Stream binds to topics. Each reads the CloudEvent from the record,
 * decodes its data by contract and hands it to the handler for its type, inside a span that continues the trace of
 * the change that caused the event. Unknown types are skipped and counted; a record that is not a valid event
 * throws {@link se.samverka.platform.events.PoisonEventException} and goes to the dead-letter topic.
 */
public class EventConsumers {

    private static final Logger log = LoggerFactory.getLogger(EventConsumers.class);

    private final TraceContext traces;
    private final MeterRegistry meters;

    public EventConsumers(TraceContext traces, MeterRegistry meters) {
        this.traces = traces;
        this.meters = meters;
    }

    /** A function for a binding; {@code name} tags its metrics. */
    public Consumer<Message<byte[]>> consumer(String name, EventHandlers handlers) {
        return message -> {
            EventEnvelope event = CloudEventsKafkaBinding.read(header -> header(message, header), message.getPayload());
            traces.continueTrace(event.traceparent(), name + " " + event.type(), () -> {
                handle(name, event, handlers);
                handlers.everyEvent().accept(event);
            });
        };
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
}
