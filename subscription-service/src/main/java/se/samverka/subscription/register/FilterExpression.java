package se.samverka.subscription.register;

import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * One filter expression of the CloudEvents Subscriptions API over an event's context attributes:
 * {@code exact}, {@code prefix} and {@code suffix} compare attributes (all of those named must match), {@code all}
 * and {@code any} combine expressions, {@code not} negates one. An attribute the event lacks matches nothing.
 *
 * @param attributes for exact, prefix and suffix: attribute name to value
 * @param filters    for all, any and not (exactly one)
 */
public record FilterExpression(String dialect, Map<String, String> attributes, List<FilterExpression> filters) {

    public static final List<String> DIALECTS = List.of("exact", "prefix", "suffix", "all", "any", "not");
    public static final List<String> ATTRIBUTES =
            List.of("specversion", "id", "source", "type", "subject", "time", "datacontenttype", "dataschema");

    public FilterExpression {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public boolean matches(Map<String, String> event) {
        return switch (dialect) {
            case "exact" -> compare(event, (value, wanted) -> value.equals(wanted));
            case "prefix" -> compare(event, String::startsWith);
            case "suffix" -> compare(event, String::endsWith);
            case "all" -> filters.stream().allMatch(filter -> filter.matches(event));
            case "any" -> filters.stream().anyMatch(filter -> filter.matches(event));
            case "not" -> !filters.get(0).matches(event);
            default -> false;
        };
    }

    private boolean compare(Map<String, String> event, BiPredicate<String, String> test) {
        return attributes.entrySet().stream().allMatch(wanted -> {
            String value = event.get(wanted.getKey());
            return value != null && test.test(value, wanted.getValue());
        });
    }
}
