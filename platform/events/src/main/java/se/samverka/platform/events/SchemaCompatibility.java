package se.samverka.platform.events;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whether a schema may replace the one published before it. The log keeps every event forever and is replayed into
 * new read models, so a published schema may only grow: new optional properties are fine; removing, retyping or
 * constraining a property, or changing what is required, breaks either old events or existing consumers. Such a
 * change needs a new type with a {@code .v2} suffix (docs/architecture.md §2). Each contract module checks its schemas against
 * the baselines it keeps of them as published.
 */
public final class SchemaCompatibility {

    private SchemaCompatibility() {
    }

    /** @return what in {@code current} breaks {@code baseline}, each naming the property; empty when it only grew */
    public static List<String> breakingChanges(JsonNode baseline, JsonNode current) {
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
}
