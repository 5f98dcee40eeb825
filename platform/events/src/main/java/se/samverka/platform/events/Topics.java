package se.samverka.platform.events;

import java.util.List;

/**
 * The event topics, one per aggregate type (docs/architecture.md §2), each named by the contract module that publishes on it.
 * Retention is unlimited: read models are rebuilt from them.
 */
public final class Topics {

    /** Every topic a contract of the catalogue is published on: what a service provisions and a rebuild reads. */
    public static final List<String> ALL = EventCatalog.ALL.stream().map(EventContract::topic).distinct().toList();

    private Topics() {
    }

    /** Where a consumer group parks the records it cannot process. */
    public static String deadLetter(String topic, String consumerGroup) {
        return topic + "." + consumerGroup + ".dlq";
    }
}
