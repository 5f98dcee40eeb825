package se.samverka.platform.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Validates event data against the JSON Schema of its contract, the source of truth for what may be published. */
public final class EventSchemas {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema document of a contract, parsed. */
    public static JsonNode schemaDocument(EventContract<?> contract) {
        try (InputStream in = open(contract)) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the violations, each naming the JSON path and the reason; empty when the data is valid */
    public static List<String> violations(EventContract<?> contract, String json) {
        Schema schema = SCHEMAS.computeIfAbsent(contract.type(), type -> REGISTRY.getSchema(schemaDocument(contract)));
        return schema.validate(MAPPER.readTree(json)).stream().map(Error::toString).toList();
    }

    private static InputStream open(EventContract<?> contract) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(contract.schemaResource());
        if (in == null) {
            throw new IllegalStateException("no JSON Schema at " + contract.schemaResource() + " for " + contract.type());
        }
        return in;
    }
}
