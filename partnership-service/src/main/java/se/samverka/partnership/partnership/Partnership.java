package se.samverka.partnership.partnership;

import java.util.List;
import se.samverka.platform.events.Visibility;

/** A lasting relation between the municipality and places or organisations abroad or in the region. */
public record Partnership(
        String name,
        PartnershipType type,
        PartnershipStatus status,
        Visibility visibility,
        List<String> partyOrganisationIds) {
}
