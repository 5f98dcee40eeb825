package se.samverka.gateway.portal.organisation;

import java.text.Collator;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.util.MultiValueMap;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Forms;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An organisation's description as its form edits it, the choices the form offers, and who is offered the form; and
 * the body a contact person's form sends. A change of the description carries what the form does not show as it is,
 * since partnership-service replaces the whole description.
 */
final class OrganisationForm {

    /** The form's fields, as partnership-service's OrganisationDetails names them. */
    private static final List<String> TEXTS = List.of("name", "nameEn", "type", "sector", "country",
            "organisationNumber", "website");
    /** Codes a person may type in small letters; the service takes them in capitals. */
    private static final List<String> CODES = List.of("region", "nutsCode");
    /** What the form does not show: kept as it is on a change. */
    private static final List<String> KEPT = List.of("parentOrganisationId", "active");
    /** A contact person's fields, as partnership-service's ContactPersonDetails names them. */
    private static final List<String> CONTACT_PERSON = List.of("name", "role", "email", "phone", "lawfulBasis",
            "retainUntil");

    /** A country as the form offers it: its ISO 3166-1 alpha-2 code, and its name in the reader's language. */
    record Country(String code, String name) {
    }

    private OrganisationForm() {
    }

    /** The description to send: the organisation's current one (none for a new one) with what the form says. */
    static ObjectNode details(MultiValueMap<String, String> form, JsonNode current) {
        ObjectNode body = Forms.object();
        if (current != null) {
            Forms.keep(body, current, KEPT);
        }
        Forms.put(body, form, String::strip, TEXTS);
        Forms.put(body, form, code -> code.strip().toUpperCase(Locale.ROOT), CODES);
        return body;
    }

    /** A contact person's work details (partnership-service's ContactPersonDetails), from the person's form. */
    static ObjectNode contactPerson(MultiValueMap<String, String> form) {
        ObjectNode body = Forms.object();
        Forms.put(body, form, String::strip, CONTACT_PERSON);
        return body;
    }

    /** Every ISO country, by its name in the reader's language, in that language's order. */
    static List<Country> countries(Locale locale) {
        Collator collator = Collator.getInstance(locale);
        return Arrays.stream(Locale.getISOCountries())
                .map(code -> new Country(code, new Locale("", code).getDisplayCountry(locale)))
                .sorted(Comparator.comparing(Country::name, collator))
                .toList();
    }

    /** Whether partnership-service lets the reader register organisations: the coordinator, staff and companies. */
    static boolean mayRegister(Caller caller) {
        return caller.role() == Role.ADMIN || caller.role() == Role.STAFF || caller.role() == Role.COMPANY;
    }

    /**
     * Whether partnership-service lets the reader change the organisation: the coordinator any, staff and companies
     * their own. The service also lets those who registered an organisation change it; it does not say who did, so
     * the page does not offer them the form, and they are not offered what would be refused.
     */
    static boolean mayChange(Caller caller, String organisationId) {
        return caller.role() == Role.ADMIN || mayRegister(caller) && organisationId.equals(caller.organisationId());
    }
}
