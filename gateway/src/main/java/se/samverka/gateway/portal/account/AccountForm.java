package se.samverka.gateway.portal.account;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.MultiValueMap;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Forms;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What the accounts' forms send to the identity provider, and what they offer to whom. */
final class AccountForm {

    /** The platform's roles, in the order the forms offer them. */
    static final List<String> ROLES = List.of("ADMIN", "STAFF", "COMPANY", "PARTNER");
    /** An account's statuses, in the order of its life, for the list's filter. */
    static final List<String> STATUSES = List.of("INVITED", "ACTIVE", "DEACTIVATED", "ERASED");

    private AccountForm() {
    }

    /** The coordinator gives any role; a lead invites colleagues as STAFF only (the provider's rule). */
    static List<String> roles(Caller caller) {
        return caller.role() == Role.ADMIN ? ROLES : List.of(Role.STAFF.name());
    }

    /** An invitation: who, of which organisation, in which role, and (the coordinator's choice) whether as its lead. */
    static ObjectNode invitation(MultiValueMap<String, String> form) {
        ObjectNode invitation = Forms.object();
        Forms.texts(invitation, form, "name", "email", "organisationId", "role");
        invitation.put("lead", lead(form));
        return invitation;
    }

    /** A change of who the person is in the platform: the same fields but the e-mail, which is their username. */
    static ObjectNode change(MultiValueMap<String, String> form) {
        ObjectNode change = Forms.object();
        Forms.texts(change, form, "name", "organisationId", "role");
        change.put("lead", lead(form));
        return change;
    }

    static ObjectNode deactivation(MultiValueMap<String, String> form) {
        ObjectNode deactivation = Forms.object();
        Forms.texts(deactivation, form, "reason");
        return deactivation;
    }

    static ObjectNode machineClient(MultiValueMap<String, String> form) {
        ObjectNode client = Forms.object();
        Forms.texts(client, form, "name", "organisationId", "role");
        return client;
    }

    /**
     * Whether the reader may deactivate and reactivate this account, so that the page offers it: the coordinator any,
     * a lead the non-lead STAFF of their own organisation.
     */
    static boolean mayDeactivate(Caller caller, JsonNode account) {
        return caller.role() == Role.ADMIN || Role.STAFF.name().equals(account.path("role").asString(""))
                && !account.path("lead").asBoolean(false) && caller.organisationId() != null
                && caller.organisationId().equals(account.path("organisationId").asString(""));
    }

    /** What the page's forms show of an account: its fields, and the version its changes are made against. */
    static Map<String, String> values(JsonNode account) {
        Map<String, String> values = new HashMap<>(Forms.values(account));
        values.put("version", "\"" + account.path("version").asString("") + "\"");
        return values;
    }

    private static boolean lead(MultiValueMap<String, String> form) {
        return "true".equals(form.getFirst("lead"));
    }
}
