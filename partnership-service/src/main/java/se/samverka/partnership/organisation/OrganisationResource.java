package se.samverka.partnership.organisation;

import se.samverka.platform.messaging.outbox.Versioned;

/** An organisation as the API shows it. */
public record OrganisationResource(String id, long version, String name, OrganisationType type, String country) {

    static OrganisationResource of(Versioned<Organisation> organisation) {
        Organisation state = organisation.state();
        return new OrganisationResource(organisation.id(), organisation.version(), state.name(), state.type(),
                state.country());
    }
}
