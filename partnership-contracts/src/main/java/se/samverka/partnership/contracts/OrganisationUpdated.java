package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;


/**
 * An organisation's description changed; carries all of it as it is now. Schema:
 * {@code events/schemas/se.samverka.organisation.updated.json}.
 */
public record OrganisationUpdated(
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
        boolean active) {

    public OrganisationUpdated {
        requireText(organisationId, "organisationId");
        requireText(name, "name");
        requireText(type, "type");
        requireText(sector, "sector");
        requireText(country, "country");
    }
}
