package se.samverka.gateway.portal;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the portal's forms share: the values a form shows of what a service holds, the body a service takes made of
 * what a form sent, and the way back after a change.
 */
public final class Forms {

    /** The values of Sector, by which both organisations and an activity's participants are told apart. */
    public static final List<String> SECTORS = List.of("PUBLIC", "PRIVATE", "SOCIAL_ECONOMY");
    /** An activity's participants, and the prefix of its form's counts: {@code participants-PUBLIC-WOMEN}. */
    public static final String PARTICIPANTS = "participants";

    private Forms() {
    }

    /**
     * What a form shows when it changes something (an indicator, a contact person, an agreement, a description): its
     * values, named as its form names them, which are the names its service gives them; an activity's participants
     * one count per sector and gender.
     */
    public static Map<String, String> values(JsonNode current) {
        Map<String, String> values = new HashMap<>();
        current.properties().forEach(field -> {
            if (field.getValue().isValueNode() && !field.getValue().isNull()) {
                values.put(field.getKey(), field.getValue().asString());
            }
        });
        current.path(PARTICIPANTS).forEach(participation -> values.put(participantsField(
                participation.path("sector").asString(), participation.path("gender").asString()),
                participation.path("count").asString()));
        return values;
    }

    /** The name of the activity form's count of one sector and gender. */
    public static String participantsField(String sector, String gender) {
        return PARTICIPANTS + "-" + sector + "-" + gender;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The fields of a description the form does not show, kept as they are: a service replaces the whole description,
     * so nothing the form leaves out is lost.
     */
    public static void keep(ObjectNode body, JsonNode current, List<String> fields) {
        fields.stream().filter(field -> current.has(field) && !current.get(field).isNull())
                .forEach(field -> body.set(field, current.get(field)));
    }

    /** The texts the form's fields hold, trimmed. */
    public static void texts(ObjectNode body, MultiValueMap<String, String> form, String... fields) {
        put(body, form, String::strip, List.of(fields));
    }

    /** What is left empty is left out, so the service names what it needs. */
    public static void put(ObjectNode body, MultiValueMap<String, String> form, UnaryOperator<String> written,
                    List<String> fields) {
        fields.forEach(field -> {
            String value = form.getFirst(field);
            if (StringUtils.hasText(value)) {
                body.put(field, written.apply(value));
            }
        });
    }

    /** The values chosen of a choice of several, as an array; none chosen is an empty one. */
    public static void chosen(ObjectNode body, MultiValueMap<String, String> form, String field) {
        ArrayNode values = body.putArray(field);
        form.getOrDefault(field, List.of()).stream().filter(StringUtils::hasText).forEach(values::add);
    }

    /** Back to the page of what was changed: a POST answered with a redirect, so a reload does not send it again. */
    public static Mono<Rendering> redirect(String location) {
        return Mono.just(Rendering.redirectTo(URI.create(location).toString()).build());
    }
}
