package se.samverka.platform.messaging.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventSchemas;
import se.samverka.platform.messaging.TraceContext;

/** Turns an event record into an outbox entry: its contract, its JSON (checked against the schema), id and time. */
public class EventRecorder {

    private final Clock clock;
    private final TraceContext traceContext;

    public EventRecorder(Clock clock, TraceContext traceContext) {
        this.clock = clock;
        this.traceContext = traceContext;
    }

    public OutboxEntry record(Object event, long sequence) {
        EventContract<Object> contract = EventCatalog.forData(event);
        String data = EventCodec.toJson(event);
        List<String> violations = EventSchemas.violations(contract, data);
        if (!violations.isEmpty()) {
            // A programming error, not bad input: requests are validated before an event is made.
            throw new IllegalStateException(contract.type() + " breaks its schema: " + violations);
        }
        return new OutboxEntry(UUID.randomUUID().toString(), contract.type(), contract.topic(), sequence,
                clock.instant(), data, traceContext.current());
    }
}
