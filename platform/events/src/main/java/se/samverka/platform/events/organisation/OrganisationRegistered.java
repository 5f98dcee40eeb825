package se.samverka.platform.events.organisation;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * An organisation entered the actor directory. Schema: {@code events/schemas/se.samverka.organisation.registered.json}.
 *
 * @param type    the organisation type, e.g. DEPARTMENT, MUNICIPALITY, FOREIGN_CITY (text, so that new types do
 *                not break consumers)
 * @param country ISO 3166-1 alpha-2
 */
public record OrganisationRegistered(String organisationId, String name, String type, String country) {

    public OrganisationRegistered {
        requireText(organisationId, "organisationId");
        requireText(name, "name");
        requireText(type, "type");
        requireText(country, "country");
    }
}
