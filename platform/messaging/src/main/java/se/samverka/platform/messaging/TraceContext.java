package se.samverka.platform.messaging;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Carries W3C trace context across Kafka: captured when a change is stored, written as the {@code traceparent} of
 * its event, and continued when a consumer handles the event, so one trace spans request, relay and consumers.
 */
public class TraceContext {

    private static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The {@code traceparent} of the current span, or null outside any trace. */
    public String current() {
        Span span = tracer.currentSpan();
        return span == null ? null : traceparent(span);
    }

    /** Runs work in a span that continues the given trace (or starts one when there is none). */
    public void continueTrace(String traceparent, String spanName, Runnable work) {
        continueTrace(traceparent, spanName, Span.Kind.CONSUMER, work);
    }

    /** The same, for work of another kind: a call this application makes (CLIENT), say. */
    public void continueTrace(String traceparent, String spanName, Span.Kind kind, Runnable work) {
        Span span = span(traceparent, spanName, kind);
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            work.run();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }

    /**
     * Runs work that handles several events at once in one span per event, each continuing the trace its event
     * carries: every trace then shows its event applied, and how long the batch that applied it took.
     *
     * @param traceparents the events' {@code traceparent}s (null where one carries none), with {@code spanNames} in
     *                     the same order
     */
    public <T> T continueTraces(List<String> traceparents, List<String> spanNames, Supplier<T> work) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < traceparents.size(); i++) {
            spans.add(span(traceparents.get(i), spanNames.get(i), Span.Kind.CONSUMER));
        }
        try {
            return work.get();
        } catch (RuntimeException e) {
            spans.forEach(span -> span.error(e));
            throw e;
        } finally {
            spans.forEach(Span::end);
        }
    }

    /**
     * Begins a span that continues the given trace and ends on another thread, later: a send the broker acknowledges
     * on its own.
     */
    public Begun begin(String traceparent, String spanName, Span.Kind kind) {
        Span span = span(traceparent, spanName, kind);
        return new Begun(span, traceparent(span));
    }

    /** A span under way; whatever it caused carries its {@link #traceparent()}. */
    public static final class Begun {

        private final Span span;
        private final String traceparent;

        private Begun(Span span, String traceparent) {
            this.span = span;
            this.traceparent = traceparent;
        }

        /** The span's own trace context, or null when nothing is traced. */
        public String traceparent() {
            return traceparent;
        }

        /** Ends the span, as failed when there is a failure. */
        public void end(Throwable failure) {
            if (failure != null) {
                span.error(failure);
            }
            span.end();
        }
    }

    private String traceparent(Span span) {
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    private Span span(String traceparent, String spanName, Span.Kind kind) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent);
        return propagator.extract(carrier, Map::get).name(spanName).kind(kind).start();
    }
}
