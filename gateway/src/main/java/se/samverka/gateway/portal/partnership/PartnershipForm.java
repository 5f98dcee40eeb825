package se.samverka.gateway.portal.partnership;

import java.util.ArrayList;
import java.util.List;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import se.samverka.gateway.portal.Forms;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partnership's description as its form edits it, and the bodies of the changes the partnership page's small forms
 * send. A change of the description carries the rest of it (the themes) as it is, since partnership-service replaces
 * the whole description; its parties, agreement, decisions and status have forms of their own.
 */
final class PartnershipForm {

    /** Every field of a partnership's description (partnership-service's PartnershipDetails, but its parties). */
    private static final List<String> DESCRIPTION = List.of("name", "nameEn", "description", "type", "visibility",
            "responsibleDepartmentId", "themes", "strategies");
    /** The fields the form shows as text or as one choice. */
    private static final List<String> TEXTS = List.of("name", "nameEn", "description", "type", "visibility",
            "responsibleDepartmentId");
    private static final String STRATEGIES = "strategies";
    private static final String PARTIES = "parties";
    /**
     * How many parties the registration form offers: partnership-service needs two, and a third covers the networks
     * registered with one more; further parties are added on the partnership's page.
     */
    static final List<Integer> PARTY_ROWS = List.of(0, 1, 2);
    /** The values of partnership-service's enumerations that the forms offer, in the order shown. */
    static final Enumerations ENUMERATIONS = new Enumerations(
            List.of("TWIN_CITY", "DEVELOPMENT_PARTNERSHIP", "REGIONAL_COOPERATION", "NETWORK_MEMBERSHIP",
                    "BUSINESS_COOPERATION"),
            List.of("INTERNAL", "COUNTY", "PUBLIC"),
            List.of("LEAD", "PARTNER", "MEMBER", "FUNDER", "OBSERVER"),
            List.of("LETTER_OF_INTENT", "MEMORANDUM_OF_UNDERSTANDING", "AGREEMENT"));

    /** The values of PartnershipType, Visibility, PartyRole and AgreementType. */
    record Enumerations(List<String> types, List<String> visibilities, List<String> roles,
                        List<String> agreementTypes) {
    }

    private PartnershipForm() {
    }

    /**
     * The description to send: the partnership's current one with what the form says, or for a new partnership what
     * the form says with the parties chosen (the rows left empty are no one).
     */
    static ObjectNode details(MultiValueMap<String, String> form, JsonNode current) {
        ObjectNode body = Forms.object();
        if (current != null) {
            Forms.keep(body, current, DESCRIPTION);
        }
        TEXTS.forEach(field -> body.remove(field));
        Forms.put(body, form, String::strip, TEXTS);
        Forms.chosen(body, form, STRATEGIES);
        if (current == null) {
            ArrayNode parties = body.putArray(PARTIES);
            PARTY_ROWS.stream().filter(row -> StringUtils.hasText(form.getFirst(partyField(row, "organisationId"))))
                    .forEach(row -> parties.addObject()
                            .put("organisationId", form.getFirst(partyField(row, "organisationId")).strip())
                            .put("role", form.getFirst(partyField(row, "role"))));
        }
        return body;
    }

    /** The strategies the form shows chosen: those sent, or the partnership's own when it is first opened. */
    static List<String> strategies(MultiValueMap<String, String> form) {
        return form.getOrDefault(STRATEGIES, List.of());
    }

    static List<String> strategies(JsonNode partnership) {
        List<String> chosen = new ArrayList<>();
        partnership.path(STRATEGIES).forEach(strategy -> chosen.add(strategy.asString()));
        return chosen;
    }

    /** The name of a party's control on the registration form, e.g. {@code parties-1-role}. */
    private static String partyField(int row, String name) {
        return PARTIES + "-" + row + "-" + name;
    }

    /**
     * The body of a change of one part of a partnership, from its form on the partnership's page. What is left empty
     * is left out, so the service names what it needs.
     *
     * @param part the part as partnership-service's path names it: {@code parties}, {@code agreement},
     *             {@code decisions} or {@code transitions}
     */
    static ObjectNode part(String part, MultiValueMap<String, String> form) {
        ObjectNode body = Forms.object();
        switch (part) {
            case "parties" -> Forms.texts(body, form, "organisationId", "role");
            case "agreement" -> Forms.texts(body, form, "type", "signedOn", "validFrom", "validTo", "renewalOn");
            case "decisions" -> Forms.texts(body, form, "body", "decidedOn", "paragraph", "registrationNumber", "note");
            case "transitions" -> Forms.texts(body, form, "to", "reason", "decisionId");
            default -> throw new IllegalArgumentException("No form for " + part);
        }
        return body;
    }
}
