package se.samverka.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The CloudEvents 1.0 Kafka protocol binding in binary content mode: context attributes travel as {@code ce_}
 * headers, the record value is the event data, {@code content-type} says it is JSON, and the record key is the
 * aggregate id. Mapped by hand because the CloudEvents Java SDK is bound to Jackson 2.
 */
public final class CloudEventsKafkaBinding {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE_JSON = "application/json";

    public static final String CE_SPECVERSION = "ce_specversion";
    public static final String CE_ID = "ce_id";
    public static final String CE_SOURCE = "ce_source";
    public static final String CE_TYPE = "ce_type";
    public static final String CE_SUBJECT = "ce_subject";
    public static final String CE_TIME = "ce_time";
    public static final String CE_SEQUENCE = "ce_sequence";
    public static final String CE_PARTITIONKEY = "ce_partitionkey";
    public static final String CE_DATASCHEMA = "ce_dataschema";
    public static final String CE_TRACEPARENT = "ce_traceparent";
    public static final String CONTENT_TYPE = "content-type";
    /** The W3C trace context header that tracing libraries read from Kafka records. */
    public static final String TRACEPARENT = "traceparent";

    private CloudEventsKafkaBinding() {
    }

    /** The headers to put on the Kafka record, in a stable order, all as UTF-8 text. */
    public static Map<String, String> headers(EventEnvelope event) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CE_SPECVERSION, SPEC_VERSION);
        headers.put(CE_ID, event.id());
        headers.put(CE_SOURCE, event.source());
        headers.put(CE_TYPE, event.type());
        headers.put(CE_SUBJECT, event.subject());
        headers.put(CE_TIME, event.time().toString());
        headers.put(CE_SEQUENCE, formatSequence(event.sequence()));
        headers.put(CE_PARTITIONKEY, event.subject());
        if (event.dataSchema() != null) {
            headers.put(CE_DATASCHEMA, event.dataSchema());
        }
        if (event.traceparent() != null) {
            headers.put(CE_TRACEPARENT, event.traceparent());
            headers.put(TRACEPARENT, event.traceparent());
        }
        headers.put(CONTENT_TYPE, CONTENT_TYPE_JSON);
        return headers;
    }

    /** The record key: the aggregate id, so that one aggregate's events share a partition and keep their order. */
    public static byte[] key(EventEnvelope event) {
        return event.subject().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] value(EventEnvelope event) {
        return event.data().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads an event from a record's headers and value.
     *
     * @param header the value of a header as UTF-8 text, or null when absent
     * @throws PoisonEventException when a required attribute is missing or malformed
     */
    public static EventEnvelope read(Function<String, String> header, byte[] value) {
        String specVersion = required(header, CE_SPECVERSION);
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new PoisonEventException("unsupported CloudEvents specversion '" + specVersion + "'");
        }
        String contentType = header.apply(CONTENT_TYPE);
        if (contentType != null && !contentType.startsWith(CONTENT_TYPE_JSON)) {
            throw new PoisonEventException("unsupported content-type '" + contentType + "'");
        }
        if (value == null) {
            throw new PoisonEventException("the record has no value (event data)");
        }
        String traceparent = header.apply(CE_TRACEPARENT);
        return new EventEnvelope(
                required(header, CE_ID),
                required(header, CE_SOURCE),
                required(header, CE_TYPE),
                required(header, CE_SUBJECT),
                parseTime(required(header, CE_TIME)),
                parseSequence(required(header, CE_SEQUENCE)),
                header.apply(CE_DATASCHEMA),
                traceparent != null ? traceparent : header.apply(TRACEPARENT),
                new String(value, StandardCharsets.UTF_8));
    }

    /** Zero-padded to ten digits so that sequences also sort as text (docs/architecture.md §2). */
    public static String formatSequence(long sequence) {
        return String.format("%010d", sequence);
    }

    private static long parseSequence(String text) {
        try {
            long sequence = Long.parseLong(text);
            if (sequence < 1) {
                throw new PoisonEventException("ce_sequence must be at least 1, was '" + text + "'");
            }
            return sequence;
        } catch (NumberFormatException e) {
            throw new PoisonEventException("ce_sequence is not a number: '" + text + "'", e);
        }
    }

    private static OffsetDateTime parseTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("ce_time is not an RFC 3339 timestamp: '" + text + "'", e);
        }
    }

    private static String required(Function<String, String> header, String name) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("missing CloudEvents attribute " + name);
        }
        return value;
    }
}
