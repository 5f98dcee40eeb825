package se.samverka.platform.events;

import java.util.Objects;

/**
 * One event type: its CloudEvents {@code type}, the topic it is published on, and the record that carries its data.
 * The JSON Schema at {@link #schemaResource()} is the source of truth; the record mirrors it.
 */
public record EventContract<T>(String type, String topic, Class<T> dataClass) {

    private static final String SCHEMA_BASE = "https://samverka.se/schemas/events/";

    public EventContract {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataClass, "dataClass");
    }

    /** The classpath resource holding the JSON Schema. */
    public String schemaResource() {
        return "events/schemas/" + type + ".json";
    }

    /** The CloudEvents {@code dataschema} attribute: the schema's {@code $id}. */
    public String dataSchema() {
        return SCHEMA_BASE + type + ".json";
    }
}
