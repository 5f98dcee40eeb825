package se.samverka.partnership.partnership;

import java.util.List;
import se.samverka.platform.events.Visibility;
import se.samverka.platform.messaging.outbox.Versioned;

/** A partnership as the API shows it. */
public record PartnershipResource(
        String id,
        long version,
        String name,
        PartnershipType type,
        PartnershipStatus status,
        Visibility visibility,
        List<String> partyOrganisationIds) {

    static PartnershipResource of(Versioned<Partnership> partnership) {
        Partnership state = partnership.state();
        return new PartnershipResource(partnership.id(), partnership.version(), state.name(), state.type(),
                state.status(), state.visibility(), state.partyOrganisationIds());
    }
}
