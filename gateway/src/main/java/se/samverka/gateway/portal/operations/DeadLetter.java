package se.samverka.gateway.portal.operations;

import se.samverka.gateway.downstream.Service;
import tools.jackson.databind.JsonNode;

/**
 * A record a service's consumer parked, as its operator API ({@code /api/operations/dead-letters}) describes it: where
 * it lies, where it came from, what event it holds and why it was parked.
 *
 * @param parkedAt when it was parked, in the municipality's time
 * @param reason   the exception that parked it: its class and message
 */
record DeadLetter(Service service, String deadLetterTopic, int partition, long offset, String originalTopic,
                  String eventType, String key, String parkedAt, String reason) {

    /** As much of a reason as a row of the list shows; the dead letter's own page shows it whole. */
    private static final int SHORT = 120;

    static DeadLetter of(Service service, JsonNode deadLetter) {
        return new DeadLetter(service, deadLetter.path("deadLetterTopic").asString(),
                deadLetter.path("partition").asInt(), deadLetter.path("offset").asLong(),
                deadLetter.path("originalTopic").asString(null), deadLetter.path("eventType").asString(null),
                deadLetter.path("key").asString(null),
                Operations.time(deadLetter.path("parkedAt")),
                deadLetter.path("reason").asString(null));
    }

    /** As the services and {@code ./samverka dlq} name it: {@code <deadLetterTopic>/<partition>/<offset>}. */
    public String id() {
        return deadLetterTopic + "/" + partition + "/" + offset;
    }

    public String serviceName() {
        return OperationsPage.name(service);
    }

    /** Its page in the portal, whose forms replay or discard it. */
    public String page() {
        return DeadLetterPages.page(service, deadLetterTopic, partition, offset);
    }

    public String shortReason() {
        return reason == null || reason.length() <= SHORT ? reason : reason.substring(0, SHORT - 1) + "…";
    }
}
