package se.samverka.gateway.portal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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
    /** The values of partnership-service's OrganisationType, in the order the directory lists them. */
    public static final List<String> ORGANISATION_TYPES = List.of("DEPARTMENT", "MUNICIPAL_COMPANY", "MUNICIPALITY",
            "REGION", "COMPANY", "SOCIAL_ECONOMY", "UNIVERSITY", "NETWORK", "GOVERNMENT_AGENCY", "FOREIGN_CITY",
            "FOREIGN_REGION", "FOREIGN_ORGANISATION");
    /** The values of the reference data's GlobalTheme, the global questions work can serve. */
    public static final List<String> THEMES = List.of("CLIMATE", "POVERTY_REDUCTION", "HUMAN_RIGHTS", "DEMOCRACY",
            "GENDER_EQUALITY", "DIVERSITY");
    /** The values of Visibility, the same for every kind of thing the services keep. */
    public static final List<String> VISIBILITIES = List.of("INTERNAL", "COUNTY", "PUBLIC");
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

    /**
     * Codes written in one field, separated by commas or spaces (country codes {@code no, fi}, region codes
     * {@code FI-05}), in capitals as the services take them; none written is an empty array.
     */
    public static void codes(ObjectNode body, MultiValueMap<String, String> form, String field) {
        ArrayNode codes = body.putArray(field);
        String written = form.getFirst(field);
        if (StringUtils.hasText(written)) {
            Arrays.stream(written.split("[,\\s]+")).filter(StringUtils::hasText)
                    .forEach(code -> codes.add(code.toUpperCase(Locale.ROOT)));
        }
    }

    /** The codes of an array as one field shows them, e.g. {@code NO, FI}. */
    public static String codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(code -> codes.add(code.asString()));
        return String.join(", ", codes);
    }

    /**
     * What a form's choices of several show chosen: those sent, or when the form is first opened the thing's own
     * (an empty map for a new thing).
     */
    public static Map<String, List<String>> chosen(MultiValueMap<String, String> form, List<String> fields) {
        Map<String, List<String>> chosen = new HashMap<>();
        fields.forEach(field -> chosen.put(field, form.getOrDefault(field, List.of())));
        return chosen;
    }

    public static Map<String, List<String>> chosen(JsonNode current, List<String> fields) {
        Map<String, List<String>> chosen = new HashMap<>();
        fields.forEach(field -> {
            List<String> values = new ArrayList<>();
            current.path(field).forEach(value -> values.add(value.asString()));
            chosen.put(field, values);
        });
        return chosen;
    }

    /** A money amount from two fields, or null when no amount is given; SEK unless another currency is. */
    public static ObjectNode money(String amount, String currency) {
        if (!StringUtils.hasText(amount)) {
            return null;
        }
        ObjectNode money = object();
        money.put("amount", decimal(amount));
        money.put("currency", StringUtils.hasText(currency) ? currency.strip().toUpperCase(Locale.ROOT) : "SEK");
        return money;
    }

    /** A decimal as a Swede may write it ({@code 1 200,5}) as JSON takes it ({@code 1200.5}). */
    public static String decimal(String written) {
        return written.strip().replace(',', '.').replace(" ", "");
    }

    /** Back to the page of what was changed: a POST answered with a redirect, so a reload does not send it again. */
    public static Mono<Rendering> redirect(String location) {
        return Mono.just(Rendering.redirectTo(URI.create(location).toString()).build());
    }
}
