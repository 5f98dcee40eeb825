package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * An organisation entered the actor directory. Schema: {@code events/schemas/se.samverka.organisation.registered.json}.
 * Its organisation number is never published: for a sole trader it is a personal identity number.
 *
 * @param type    the organisation type, e.g. DEPARTMENT, MUNICIPALITY, FOREIGN_CITY (text, so that new types do
 *                not break consumers)
 * @param sector  PUBLIC, PRIVATE or SOCIAL_ECONOMY; absent in events published before it was added
 * @param country ISO 3166-1 alpha-2
 * @param region  ISO 3166-2, where known
 * @param active  absent in events published before it was added, which means true
 */
public record OrganisationRegistered(
        String organisationId,
        String name,
        String nameEn,
        String type,
        String sector,
        String country,
        String region,
        String nutsCode,
        String website,
        String parentOrganisationId,
        Boolean active) {

    public OrganisationRegistered {
        requireText(organisationId, "organisationId");
        requireText(name, "name");
        requireText(type, "type");
        requireText(country, "country");
    }
}
