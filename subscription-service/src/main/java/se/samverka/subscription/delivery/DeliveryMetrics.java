package se.samverka.subscription.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What to watch: deliveries by outcome, failed attempts, how long events take to reach receivers, what waits. Every
 * outcome and reason is counted from zero at the start, so that dashboards and alerts find them before the first.
 */
@Component
class DeliveryMetrics {

    /** How a delivery ended: delivered, failed (schedule exhausted or subscription disabled) or gone (410). */
    enum Outcome { DELIVERED, FAILED, GONE }

    /** Why an attempt failed: by the answer's status class, or no answer at all. */
    enum Failure {
        UNREACHABLE("unreachable"), CLIENT_ERROR("4xx"), SERVER_ERROR("5xx"), OTHER("other");

        private final String tag;

        Failure(String tag) {
            this.tag = tag;
        }

        static Failure of(int status) {
            return status >= 500 ? SERVER_ERROR : status >= 400 ? CLIENT_ERROR : OTHER;
        }
    }

    private final Timer latency;
    private final Map<Outcome, Counter> outcomes = new EnumMap<>(Outcome.class);
    private final Map<Failure, Counter> failures = new EnumMap<>(Failure.class);

    DeliveryMetrics(MeterRegistry meters, DeliveryStore store) {
        this.latency = Timer.builder("samverka.subscriptions.delivery.latency")
                .description("From an event's time to its delivery to a receiver")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("samverka.subscriptions.deliveries.pending", store, DeliveryStore::countPending)
                .description("Deliveries not yet delivered nor failed").register(meters);
        for (Outcome outcome : Outcome.values()) {
            outcomes.put(outcome, Counter.builder("samverka.subscriptions.deliveries")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .description("Deliveries by how they ended").register(meters));
        }
        for (Failure failure : Failure.values()) {
            failures.put(failure, Counter.builder("samverka.subscriptions.delivery.failures").tag("reason", failure.tag)
                    .description("Failed delivery attempts").register(meters));
        }
    }

    void finished(Outcome outcome) {
        outcomes.get(outcome).increment();
    }

    void attemptFailed(Failure failure) {
        failures.get(failure).increment();
    }

    void delivered(Duration sinceEvent) {
        latency.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }
}
