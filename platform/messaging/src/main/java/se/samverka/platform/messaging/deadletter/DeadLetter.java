package se.samverka.platform.messaging.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A record a consumer parked, as an operator sees it: where it lies and where it came from, what event it holds, why
 * it was parked, and what was decided about it. Its headers and payload only when it is shown alone.
 *
 * @param id             {@code <deadLetterTopic>/<partition>/<offset>}
 * @param reason         the exception that parked it: its class and message
 * @param decision       who replayed or discarded it, when, why and with what outcome; null while it is open
 */
public record DeadLetter(String id, String deadLetterTopic, int partition, long offset, String originalTopic,
                         Integer originalPartition, Long originalOffset, String group, String key, String eventType,
                         String eventId, Instant parkedAt, String reason, Status status, Decision decision,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> headers,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String payload) {

    public enum Status {
        OPEN, REPLAYED, DISCARDED
    }

    /**
     * @param reason  the operator's, for a discard; null for a replay
     * @param outcome what the replay did, or {@code discarded}
     */
    public record Decision(String by, Instant at, String reason, String outcome) {
    }

    public static String id(String deadLetterTopic, int partition, long offset) {
        return deadLetterTopic + "/" + partition + "/" + offset;
    }

    /** Without its headers and payload, as a listing shows it. */
    public DeadLetter summary() {
        return new DeadLetter(id, deadLetterTopic, partition, offset, originalTopic, originalPartition, originalOffset,
                group, key, eventType, eventId, parkedAt, reason, status, decision, null, null);
    }
}
