package se.samverka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samverka.platform.events.SchemaCompatibility.breakingChanges;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check each contract module runs on its published schemas against its baselines finds every kind of break, and
 * lets a schema grow.
 */
class SchemaCompatibilityTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

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
}
