package se.samverka.gateway.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's description as its form edits it, and the bodies of the changes the project page's small forms send.
 * The description form shows only what a person types; a change of it carries the rest of the description as it is,
 * so nothing the form does not show is lost (project-service replaces the whole description).
 */
final class ProjectForm {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Every field of a project's description (project-service's ProjectDescription). */
    private static final List<String> DESCRIPTION = List.of("acronym", "title", "titleEn", "summary", "summaryEn",
            "registrationNumber", "ownerOrganisationId", "contactPersonIds", "visibility", "partnershipIds",
            "strategies", "actions", "growthAreas", "themes", "sdgs", "plannedStart", "plannedEnd", "actualStart",
            "actualEnd", "mutualInterest");
    /** The fields the form shows as text. */
    static final List<String> TEXTS = List.of("title", "acronym", "titleEn", "summary", "summaryEn",
            "registrationNumber", "mutualInterest", "plannedStart", "plannedEnd", "actualStart", "actualEnd",
            "ownerOrganisationId", "visibility");
    /** The fields the form shows as choices of several. */
    static final List<String> CHOICES = List.of("strategies", "growthAreas");

    private ProjectForm() {
    }

    /** The description to send: the project's current one (none for a new project) with what the form says. */
    static ObjectNode description(MultiValueMap<String, String> form, JsonNode current) {
        ObjectNode body = JSON.createObjectNode();
        if (current != null) {
            DESCRIPTION.stream().filter(field -> current.has(field) && !current.get(field).isNull())
                    .forEach(field -> body.set(field, current.get(field)));
        }
        TEXTS.forEach(field -> {
            String value = form.getFirst(field);
            if (StringUtils.hasText(value)) {
                body.put(field, value.strip());
            } else if (form.containsKey(field)) {
                body.remove(field);
            }
        });
        CHOICES.forEach(field -> {
            ArrayNode values = body.putArray(field);
            form.getOrDefault(field, List.of()).stream().filter(StringUtils::hasText).forEach(values::add);
        });
        return body;
    }

    /** What the form shows: the values sent, or the project's own when it is first opened. */
    static Map<String, Object> values(MultiValueMap<String, String> form) {
        Map<String, Object> values = new HashMap<>();
        TEXTS.forEach(field -> values.put(field, form.getFirst(field)));
        CHOICES.forEach(field -> values.put(field, form.getOrDefault(field, List.of())));
        return values;
    }

    static Map<String, Object> values(JsonNode project) {
        Map<String, Object> values = new HashMap<>();
        TEXTS.forEach(field -> values.put(field, project.path(field).isValueNode() && !project.path(field).isNull()
                ? project.path(field).asString() : null));
        CHOICES.forEach(field -> {
            List<String> chosen = new ArrayList<>();
            project.path(field).forEach(value -> chosen.add(value.asString()));
            values.put(field, chosen);
        });
        return values;
    }

    /** A money amount from two fields, or null when no amount is given. */
    static ObjectNode money(String amount, String currency) {
        if (!StringUtils.hasText(amount)) {
            return null;
        }
        ObjectNode money = JSON.createObjectNode();
        money.put("amount", amount.strip().replace(',', '.').replace(" ", ""));
        money.put("currency", StringUtils.hasText(currency) ? currency.strip() : "SEK");
        return money;
    }

    static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
