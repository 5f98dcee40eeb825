package se.samverka.gateway.portal.interest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Forms;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An interest's description as its form edits it, who is offered which form, and the body of an introduction proposed
 * from one of its matches. The form shows the whole description (partnership-service's InterestDescription) but its
 * organisation, which only the coordinator chooses: anyone else states interests for their own organisation.
 */
final class InterestForm {

    static final List<String> DIRECTIONS = List.of("OFFERS", "SEEKS");
    static final List<String> PURPOSES = List.of("EXPORT", "EXCHANGE", "COMPETENCE", "APPLICATION_PARTNERS");
    /** The statuses the list filters by: a closed interest was withdrawn or expired. */
    static final List<String> STATUSES = List.of("OPEN", "CLOSED");
    /** The fields the form shows as text or as one choice. */
    private static final List<String> TEXTS = List.of("direction", "title", "summary", "projectId", "validUntil",
            "visibility");
    /** The fields the form shows as choices of several. */
    static final List<String> CHOICES = List.of("purposes", "themes", "growthAreas", "sectors");
    /** The fields the form shows as codes written in one control. */
    private static final List<String> CODES = List.of("countries", "regions");
    private static final String ORGANISATION = "organisationId";
    /** Who states interests: the coordinator for anyone, staff and companies for their own organisation. */
    private static final Set<Role> STATING = Set.of(Role.ADMIN, Role.STAFF, Role.COMPANY);
    /** What a partner of the county reads of interests and may propose introductions from. */
    private static final Set<String> SHARED = Set.of("COUNTY", "PUBLIC");

    private InterestForm() {
    }

    static boolean mayState(Caller caller) {
        return STATING.contains(caller.role()) && (caller.role() == Role.ADMIN || caller.organisationId() != null);
    }

    /** Whether the reader may change or withdraw the interest: the coordinator, or its own organisation's people. */
    static boolean mayChange(Caller caller, JsonNode interest) {
        return "OPEN".equals(interest.path("status").asString()) && (caller.role() == Role.ADMIN
                || mayState(caller) && interest.path(ORGANISATION).asString().equals(caller.organisationId()));
    }

    /**
     * Whether the reader is offered to propose introductions from the interest's matches: the coordinator, staff (of
     * the partnership's responsible department when it goes through one), and a partner of the county from an
     * interest shared with the county. Partnership-service decides each proposal.
     */
    static boolean mayPropose(Caller caller, JsonNode interest) {
        return "OPEN".equals(interest.path("status").asString()) && (caller.isMunicipality()
                || caller.role() == Role.PARTNER && SHARED.contains(interest.path("visibility").asString()));
    }

    /**
     * The description to send: what the form says, for the organisation the coordinator chose, or else the interest's
     * own (a change) or the reader's (a new one).
     *
     * @param current the interest as it is; null for a new one
     */
    static ObjectNode description(MultiValueMap<String, String> form, Caller caller, JsonNode current) {
        ObjectNode body = Forms.object();
        if (caller.role() == Role.ADMIN) {
            Forms.texts(body, form, ORGANISATION);
        } else {
            body.put(ORGANISATION, current == null ? caller.organisationId() : current.path(ORGANISATION).asString());
        }
        Forms.texts(body, form, TEXTS.toArray(String[]::new));
        CHOICES.forEach(field -> Forms.chosen(body, form, field));
        CODES.forEach(field -> Forms.codes(body, form, field));
        return body;
    }

    /** What the form's text controls show of an interest as it is, its codes written out. */
    static Map<String, String> values(JsonNode interest) {
        Map<String, String> values = Forms.values(interest);
        CODES.forEach(field -> values.put(field, Forms.codes(interest.path(field))));
        return values;
    }

    /** An introduction of the interest to one of its matches, through a partnership if one is chosen. */
    static ObjectNode introduction(String interestId, MultiValueMap<String, String> form) {
        ObjectNode body = Forms.object().put("interestId", interestId);
        Forms.texts(body, form, "counterpartKind", "counterpartId", "partnershipId", "note");
        return body;
    }
}
