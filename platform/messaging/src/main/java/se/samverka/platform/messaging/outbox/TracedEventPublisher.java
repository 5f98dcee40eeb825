package se.samverka.platform.messaging.outbox;

import io.micrometer.tracing.Span;
import java.util.concurrent.CompletableFuture;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.TraceContext;

/**
 * Publishes each event in a span of the trace of the request that made the change, from the send to the broker's
 * acknowledgement, and gives the event that span's trace context: a trace then shows the relay's part, and every
 * consumer's span hangs below it.
 */
public class TracedEventPublisher implements EventPublisher {

    private final EventPublisher publisher;
    private final TraceContext traces;

    public TracedEventPublisher(EventPublisher publisher, TraceContext traces) {
        this.publisher = publisher;
        this.traces = traces;
    }

    @Override
    public CompletableFuture<?> publish(String topic, EventEnvelope event) {
        TraceContext.Begun span = traces.begin(event.traceparent(), "publish " + event.type(), Span.Kind.PRODUCER);
        EventEnvelope traced = span.traceparent() == null ? event : new EventEnvelope(event.id(), event.source(),
                event.type(), event.subject(), event.time(), event.sequence(), event.dataSchema(), span.traceparent(),
                event.data());
        CompletableFuture<?> sent;
        try {
            sent = publisher.publish(topic, traced);
        } catch (RuntimeException e) {
            span.end(e);
            throw e;
        }
        return sent.whenComplete((acknowledged, failure) -> span.end(failure));
    }
}
