package se.samverka.gateway.portal.call;

import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Forms;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A funding call's description as its form edits it, and who keeps the register. The form shows the whole description
 * (partnership-service's CallDescription), so a change sends what the form says and nothing else.
 */
final class CallForm {

    /** The values of a call's status, in the order the list's filter offers them. */
    static final List<String> STATUSES = List.of("OPEN", "UPCOMING", "CLOSED", "WITHDRAWN");
    /** The statuses the list shows when no status is chosen: what one may still apply to, soonest deadline first. */
    static final List<String> CURRENT = List.of("OPEN", "UPCOMING");
    /** The fields the form shows as text or as one choice. */
    private static final List<String> TEXTS = List.of("programme", "name", "nameEn", "summary", "opensOn", "deadline",
            "url", "visibility");
    /** The fields the form shows as choices of several. */
    static final List<String> CHOICES = List.of("themes", "growthAreas", "strategies", "eligibleOrganisationTypes");
    private static final String COUNTRIES = "eligibleCountries";
    /** The budget's two controls: its amount, and its currency. */
    private static final String BUDGET = "budget";
    private static final String CURRENCY = "currency";

    private CallForm() {
    }

    /** The register of calls is the coordinator's (partnership-service refuses anyone else). */
    static boolean mayKeep(Caller caller) {
        return caller.role() == Role.ADMIN;
    }

    /** The description to send: what the form says, what is left empty left out. */
    static ObjectNode description(MultiValueMap<String, String> form) {
        ObjectNode body = Forms.object();
        Forms.texts(body, form, TEXTS.toArray(String[]::new));
        CHOICES.forEach(field -> Forms.chosen(body, form, field));
        Forms.codes(body, form, COUNTRIES);
        ObjectNode budget = Forms.money(form.getFirst(BUDGET), form.getFirst(CURRENCY));
        if (budget != null) {
            body.set(BUDGET, budget);
        }
        return body;
    }

    /** What the form's text controls show of a call as it is: its texts, its countries and its budget written out. */
    static Map<String, String> values(JsonNode call) {
        Map<String, String> values = Forms.values(call);
        values.put(COUNTRIES, Forms.codes(call.path(COUNTRIES)));
        if (call.path(BUDGET).isObject()) {
            values.put(BUDGET, call.path(BUDGET).path("amount").asString());
            values.put(CURRENCY, call.path(BUDGET).path(CURRENCY).asString());
        }
        return values;
    }

    /** The body of a withdrawal: why, which stays in partnership-service's register. */
    static ObjectNode withdrawal(MultiValueMap<String, String> form) {
        ObjectNode body = Forms.object();
        Forms.texts(body, form, "reason");
        return body;
    }
}
