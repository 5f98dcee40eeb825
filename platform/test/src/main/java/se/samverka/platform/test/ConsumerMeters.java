package se.samverka.platform.test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** What a service's event consumers measured, read the way tests compare before and after. */
public final class ConsumerMeters {

    private ConsumerMeters() {
    }

    /** A counter of one consumer (its {@code consumer} tag): zero while it has counted nothing. */
    public static double count(MeterRegistry meters, String name, String consumer) {
        Counter counter = meters.find(name).tag("consumer", consumer).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The most events the consumer took from one poll of its topic. */
    public static double largestBatch(MeterRegistry meters, String consumer) {
        return meters.get("samverka.events.batch.size").tag("consumer", consumer).summary().max();
    }
}
