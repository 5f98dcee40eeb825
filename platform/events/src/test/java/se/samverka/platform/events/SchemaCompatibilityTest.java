package se.samverka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The log keeps every event forever and is replayed into new read models, so a published schema may only grow:
 * new optional properties are fine; removing, retyping or constraining a property, or changing what is required,
 * breaks either old events or existing consumers. Such a change needs a new type with a {@code .v2} suffix
 * (DESIGN.md §2). {@code src/test/resources/events/baseline} holds the schemas as published.
 */
class SchemaCompatibilityTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    static Stream<EventContract<?>> contracts() {
        return EventCatalog.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("contracts")
    void thePublishedSchemaOnlyGrew(EventContract<?> contract) {
        JsonNode baseline = baseline(contract.type());
        assertThat(baseline).as("baseline of %s: copy the schema to events/baseline when it is first published",
                contract.type()).isNotNull();

        assertThat(breakingChanges(baseline, EventSchemas.schemaDocument(contract))).isEmpty();
    }

    @Test
    void noPublishedTypeDisappeared() {
        for (EventContract<?> contract : EventCatalog.ALL) {
            assertThat(baseline(contract.type())).isNotNull();
        }
        assertThat(EventCatalog.ALL.stream().map(EventContract::type))
                .containsAll(List.of("se.samverka.organisation.registered", "se.samverka.partnership.registered",
                        "se.samverka.project.registered"));
    }

    @Test
    void theCheckCatchesEveryKindOfBreak() {
        JsonNode baseline = MAPPER.readTree("""
                {"type":"object","required":["a"],"properties":{"a":{"type":"string"},"b":{"type":"integer"}}}""");

        assertThat(breakingChanges(baseline, MAPPER.readTree("""
                {"type":"object","required":["a"],"properties":{"a":{"type":"string","description":"new words"},
                 "b":{"type":"integer"},"c":{"type":"string"}}}"""))).isEmpty();
        assertThat(breakingChanges(baseline, MAPPER.readTree("""
                {"type":"object","required":["a"],"properties":{"a":{"type":"string"}}}""")))
                .containsExactly("property 'b' was removed");
        assertThat(breakingChanges(baseline, MAPPER.readTree("""
                {"type":"object","required":["a"],"properties":{"a":{"type":"string"},"b":{"type":"string"}}}""")))
                .containsExactly("property 'b' changed from {\"type\":\"integer\"} to {\"type\":\"string\"}");
        assertThat(breakingChanges(baseline, MAPPER.readTree("""
                {"type":"object","required":["a","b"],"properties":{"a":{"type":"string"},"b":{"type":"integer"}}}""")))
                .containsExactly("required changed from [a] to [a, b]");
        assertThat(breakingChanges(baseline, MAPPER.readTree("""
                {"type":"object","required":["a"],"additionalProperties":false,
                 "properties":{"a":{"type":"string"},"b":{"type":"integer"}}}""")))
                .containsExactly("additionalProperties became false");

        JsonNode nested = MAPPER.readTree("""
                {"type":"object","properties":{"o":{"type":"object","required":["x"],
                 "properties":{"x":{"type":"string"}}}}}""");
        assertThat(breakingChanges(nested, MAPPER.readTree("""
                {"type":"object","properties":{"o":{"type":"object","required":["x"],
                 "properties":{"x":{"type":"string"},"y":{"type":"boolean"}}}}}"""))).as("a nested object grew").isEmpty();
        assertThat(breakingChanges(nested, MAPPER.readTree("""
                {"type":"object","properties":{"o":{"type":"object","required":["x","y"],
                 "properties":{"x":{"type":"integer"},"y":{"type":"boolean"}}}}}""")))
                .containsExactly("property 'o.x' changed from {\"type\":\"string\"} to {\"type\":\"integer\"}",
                        "required in 'o' changed from [x] to [x, y]");
    }

    static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
        return breakingChanges("", baseline, current);
    }

    /** The breaks in an object schema; an object property is compared property by property, as deep as it goes. */
    private static List<String> breakingChanges(String path, JsonNode baseline, JsonNode current) {
        List<String> problems = new ArrayList<>();
        JsonNode currentProperties = current.path("properties");
        for (String name : baseline.path("properties").propertyNames()) {
            String where = path + name;
            if (!currentProperties.has(name)) {
                problems.add("property '" + where + "' was removed");
                continue;
            }
            JsonNode was = baseline.path("properties").path(name);
            JsonNode is = currentProperties.path(name);
            if (was.has("properties") && is.has("properties")) {
                if (!withoutParts(was).equals(withoutParts(is))) {
                    problems.add("property '" + where + "' changed from " + withoutParts(was) + " to " + withoutParts(is));
                }
                problems.addAll(breakingChanges(where + ".", was, is));
            } else if (!withoutDescription(was).equals(withoutDescription(is))) {
                problems.add("property '" + where + "' changed from " + withoutDescription(was) + " to "
                        + withoutDescription(is));
            }
        }
        String in = path.isEmpty() ? "" : " in '" + path.substring(0, path.length() - 1) + "'";
        Set<String> wasRequired = names(baseline.path("required"));
        Set<String> isRequired = names(current.path("required"));
        if (!wasRequired.equals(isRequired)) {
            problems.add("required" + in + " changed from " + sorted(wasRequired) + " to " + sorted(isRequired));
        }
        if (current.path("additionalProperties").isBoolean() && !current.path("additionalProperties").asBoolean()
                && !(baseline.path("additionalProperties").isBoolean() && !baseline.path("additionalProperties").asBoolean())) {
            problems.add("additionalProperties" + in + " became false");
        }
        return problems;
    }

    /** An object property without what is compared on its own: its properties, what it requires, its words. */
    private static JsonNode withoutParts(JsonNode property) {
        ObjectNode copy = (ObjectNode) withoutDescription(property);
        copy.remove(List.of("properties", "required", "additionalProperties"));
        return copy;
    }

    private static JsonNode withoutDescription(JsonNode property) {
        ObjectNode copy = (ObjectNode) property.deepCopy();
        copy.remove("description");
        return copy;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(node -> names.add(node.asString()));
        return names;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static JsonNode baseline(String type) {
        try (InputStream in = SchemaCompatibilityTest.class.getClassLoader()
                .getResourceAsStream("events/baseline/" + type + ".json")) {
            return in == null ? null : MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
