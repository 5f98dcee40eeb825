package se.samverka.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the pages read of the services' JSON, as {@code ${@json.text(node)}}: the views pass the services' answers on
 * unchanged, and a page must tell an absent or null value from an empty one.
 */
@Component("json")
public class Json {

    /** The value as text (numbers as written); null when absent or null. */
    public String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null
                : node.isValueNode() ? node.asString() : node.toString();
    }

    /** A money object ({@code {"amount":"100.00","currency":"SEK"}}) as a reader writes it; null when absent. */
    public String money(JsonNode node) {
        return text(node.path("amount")) == null ? null : text(node.path("amount")) + " " + text(node.path("currency"));
    }

    /** The texts of an array's values, e.g. country codes. */
    public List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(text(element)));
        return texts;
    }

    public boolean has(JsonNode node) {
        return text(node) != null && !(node.isContainer() && node.isEmpty());
    }
}
