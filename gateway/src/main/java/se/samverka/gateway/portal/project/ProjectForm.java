package se.samverka.gateway.portal.project;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import se.samverka.gateway.portal.Forms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A project's description as its form edits it, and the bodies of the changes the project page's small forms send.
 * The description form shows only what a person types; a change of it carries the rest of the description as it is,
 * so nothing the form does not show is lost (project-service replaces the whole description).
 */
final class ProjectForm {

    /** Every field of a project's description (project-service's ProjectDescription). */
    private static final List<String> DESCRIPTION = List.of("acronym", "title", "titleEn", "summary", "summaryEn",
            "registrationNumber", "ownerOrganisationId", "contactPersonIds", "visibility", "partnershipIds",
            "strategies", "actions", "growthAreas", "themes", "sdgs", "plannedStart", "plannedEnd", "actualStart",
            "actualEnd", "mutualInterest");
    /** The fields the form shows as text. */
    private static final List<String> TEXTS = List.of("title", "acronym", "titleEn", "summary", "summaryEn",
            "registrationNumber", "mutualInterest", "plannedStart", "plannedEnd", "actualStart", "actualEnd",
            "ownerOrganisationId", "visibility");
    /** The fields the form shows as choices of several. */
    private static final List<String> CHOICES = List.of("strategies", "growthAreas");
    /** The values of project-service's enumerations that the project page's forms offer, in the order shown. */
    static final Enumerations ENUMERATIONS = new Enumerations(
            List.of("PARTNER", "LEAD", "ASSOCIATED", "FUNDER"),
            List.of("OUTPUT", "RESULT"),
            List.of("STUDY_VISIT", "DELEGATION", "CONFERENCE", "EXCHANGE", "PROJECT_WORKSHOP", "MEETING_PLACE"),
            List.of("ON_TRACK", "AT_RISK", "OFF_TRACK"),
            Forms.SECTORS,
            List.of("WOMEN", "MEN", "OTHER"));

    /** The values of PartnerRole, IndicatorKind, ActivityType, HealthStatus, Sector and Gender. */
    record Enumerations(List<String> roles, List<String> indicatorKinds, List<String> activityTypes,
                        List<String> healthStatuses, List<String> sectors, List<String> genders) {
    }

    private ProjectForm() {
    }

    /** The description to send: the project's current one (none for a new project) with what the form says. */
    static ObjectNode description(MultiValueMap<String, String> form, JsonNode current) {
        ObjectNode body = Forms.object();
        if (current != null) {
            Forms.keep(body, current, DESCRIPTION);
        }
        TEXTS.forEach(field -> {
            String value = form.getFirst(field);
            if (StringUtils.hasText(value)) {
                body.put(field, value.strip());
            } else if (form.containsKey(field)) {
                body.remove(field);
            }
        });
        CHOICES.forEach(field -> Forms.chosen(body, form, field));
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

    /**
     * The body of a change of one part of a project, from its form on the project's page. What is left empty is left
     * out, so the service names what it needs; numbers are sent as written (a decimal comma allowed).
     *
     * @param part the part as project-service's path names it: {@code indicators}, {@code reports} (of an
     *             indicator), {@code activities}, {@code health}, {@code final-report}, {@code partners},
     *             {@code funding-lines} or {@code transitions}
     */
    static ObjectNode part(String part, MultiValueMap<String, String> form) {
        ObjectNode body = Forms.object();
        switch (part) {
            case "partners" -> Forms.texts(body, form, "organisationId", "role");
            case "funding-lines" -> {
                Forms.texts(body, form, "programme", "callId");
                body.set("applied", Forms.money(form.getFirst("applied"), form.getFirst("currency")));
                body.set("granted", Forms.money(form.getFirst("granted"), form.getFirst("currency")));
                body.put("internal", form.containsKey("internal"));
            }
            case "transitions" -> Forms.texts(body, form, "to", "reason");
            case "indicators" -> {
                Forms.texts(body, form, "kind", "name", "unit");
                numbers(body, form, "baseline", "target");
            }
            case "reports" -> {
                Forms.texts(body, form, "reportedOn", "note");
                numbers(body, form, "value");
            }
            case "activities" -> {
                Forms.texts(body, form, "type", "title", "heldOn", "place");
                Forms.put(body, form, country -> country.strip().toUpperCase(Locale.ROOT), List.of("country"));
                participants(body.putArray(Forms.PARTICIPANTS), form);
            }
            case "health" -> Forms.texts(body, form, "status", "note");
            case "final-report" -> Forms.texts(body, form, "submittedOn", "summary");
            default -> throw new IllegalArgumentException("No form for " + part);
        }
        return body;
    }

    /** Who took part, from the counts given; a count left empty is no one. */
    private static void participants(ArrayNode participants, MultiValueMap<String, String> form) {
        ENUMERATIONS.sectors().forEach(sector -> ENUMERATIONS.genders().forEach(gender -> {
            String count = form.getFirst(Forms.participantsField(sector, gender));
            if (StringUtils.hasText(count)) {
                participants.addObject().put("sector", sector).put("gender", gender).put("count", count.strip());
            }
        }));
    }

    /** Numbers as written, a decimal comma allowed. */
    private static void numbers(ObjectNode body, MultiValueMap<String, String> form, String... fields) {
        Forms.put(body, form, Forms::decimal, List.of(fields));
    }
}
