package se.samverka.subscription.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** What to watch: deliveries by outcome, failed attempts, how long events take to reach receivers, what waits. */
@Component
class DeliveryMetrics {

    private final MeterRegistry meters;
    private final Timer latency;

    DeliveryMetrics(MeterRegistry meters, DeliveryStore store) {
        this.meters = meters;
        this.latency = Timer.builder("samverka.subscriptions.delivery.latency")
                .description("From an event's time to its delivery to a receiver")
                .publishPercentileHistogram().register(meters);
        Gauge.builder("samverka.subscriptions.deliveries.pending", store, DeliveryStore::countPending)
                .description("Deliveries not yet delivered nor failed").register(meters);
    }

    /** A delivery ended: delivered, failed (schedule exhausted or subscription disabled) or gone (410). */
    void finished(String outcome) {
        Counter.builder("samverka.subscriptions.deliveries").tag("outcome", outcome)
                .description("Deliveries by how they ended").register(meters).increment();
    }

    /** An attempt failed: by status class, or why there was none. */
    void attemptFailed(String reason) {
        Counter.builder("samverka.subscriptions.delivery.failures").tag("reason", reason)
                .description("Failed delivery attempts").register(meters).increment();
    }

    void delivered(Duration sinceEvent) {
        latency.record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
    }
}
