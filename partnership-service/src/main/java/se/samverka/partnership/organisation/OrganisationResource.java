package se.samverka.partnership.organisation;

import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.reference.Sector;

/** An organisation as the API shows it: its description, never its contact persons. */
public record OrganisationResource(
        String id,
        long version,
        String name,
        String nameEn,
        OrganisationType type,
        Sector sector,
        String country,
        String region,
        String nutsCode,
        String organisationNumber,
        String website,
        String parentOrganisationId,
        boolean active) {

    static OrganisationResource of(Versioned<Organisation> organisation) {
        Organisation state = organisation.state();
        return new OrganisationResource(organisation.id(), organisation.version(), state.name(), state.nameEn(),
                state.type(), state.sector(), state.country(), state.region(), state.nutsCode(),
                state.organisationNumber(), state.website(), state.parentOrganisationId(), state.active());
    }
}
