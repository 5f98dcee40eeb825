package se.samverka.subscription.register;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samverka.platform.web.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Filter expressions to and from their JSON form in the CloudEvents Subscriptions API, e.g.
 * {@code [{"prefix": {"type": "se.samverka.project."}}, {"not": {"exact": {"subject": "p-1"}}}]}.
 */
final class Filters {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_DEPTH = 5;

    private Filters() {
    }

    /** Reads a list of expressions, adding what is wrong with it to {@code problems} by JSON path. */
    static List<FilterExpression> read(JsonNode node, List<FieldProblem> problems) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            problems.add(new FieldProblem("filters", "reason.filters"));
            return List.of();
        }
        List<FilterExpression> filters = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            FilterExpression filter = expression(node.get(i), "filters[" + i + "]", 1, problems);
            if (filter != null) {
                filters.add(filter);
            }
        }
        return filters;
    }

    private static FilterExpression expression(JsonNode node, String path, int depth, List<FieldProblem> problems) {
        if (!node.isObject() || node.size() != 1) {
            problems.add(new FieldProblem(path, "reason.filter.one-dialect", FilterExpression.DIALECTS));
            return null;
        }
        if (depth > MAX_DEPTH) {
            problems.add(new FieldProblem(path, "reason.filter.depth", MAX_DEPTH));
            return null;
        }
        String dialect = node.propertyNames().iterator().next();
        JsonNode value = node.get(dialect);
        String at = path + "." + dialect;
        switch (dialect) {
            case "exact", "prefix", "suffix" -> {
                if (!value.isObject() || value.isEmpty()) {
                    problems.add(new FieldProblem(at, "reason.filter.attributes"));
                    return null;
                }
                Map<String, String> attributes = new LinkedHashMap<>();
                for (String name : value.propertyNames()) {
                    JsonNode wanted = value.get(name);
                    if (!FilterExpression.ATTRIBUTES.contains(name)) {
                        problems.add(new FieldProblem(at + "." + name, "reason.filter.attribute",
                                FilterExpression.ATTRIBUTES));
                    } else if (!wanted.isString() || wanted.asString().isEmpty()) {
                        problems.add(new FieldProblem(at + "." + name, "reason.filter.value"));
                    } else {
                        attributes.put(name, wanted.asString());
                    }
                }
                return new FilterExpression(dialect, attributes, List.of());
            }
            case "all", "any" -> {
                if (!value.isArray() || value.isEmpty()) {
                    problems.add(new FieldProblem(at, "reason.filter.nested"));
                    return null;
                }
                List<FilterExpression> nested = new ArrayList<>();
                for (int i = 0; i < value.size(); i++) {
                    FilterExpression filter = expression(value.get(i), at + "[" + i + "]", depth + 1, problems);
                    if (filter != null) {
                        nested.add(filter);
                    }
                }
                return new FilterExpression(dialect, Map.of(), nested);
            }
            case "not" -> {
                FilterExpression negated = expression(value, at, depth + 1, problems);
                return negated == null ? null : new FilterExpression(dialect, Map.of(), List.of(negated));
            }
            default -> {
                problems.add(new FieldProblem(at, "reason.filter.dialect", FilterExpression.DIALECTS));
                return null;
            }
        }
    }

    static ArrayNode write(List<FilterExpression> filters) {
        ArrayNode array = JSON.createArrayNode();
        filters.forEach(filter -> array.add(write(filter)));
        return array;
    }

    private static ObjectNode write(FilterExpression filter) {
        ObjectNode node = JSON.createObjectNode();
        switch (filter.dialect()) {
            case "all", "any" -> node.set(filter.dialect(), write(filter.filters()));
            case "not" -> node.set("not", write(filter.filters().get(0)));
            default -> {
                ObjectNode attributes = node.putObject(filter.dialect());
                filter.attributes().forEach(attributes::put);
            }
        }
        return node;
    }
}
