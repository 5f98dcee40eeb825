package se.samverka.platform.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event data to and from JSON. Consumers ignore fields they do not know, so a producer may add optional fields
 * without breaking anyone (docs/architecture.md §2); producers leave out optional fields that have no value.
 */
public final class EventCodec {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventCodec() {
    }

    public static String toJson(Object data) {
        return MAPPER.writeValueAsString(data);
    }

    /** @throws PoisonEventException when the JSON does not fit the record */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new PoisonEventException("event data does not match " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    /** Decodes an envelope's data with the contract of its type. */
    public static Object decode(EventEnvelope envelope, EventContract<?> contract) {
        return fromJson(envelope.data(), contract.dataClass());
    }
}
