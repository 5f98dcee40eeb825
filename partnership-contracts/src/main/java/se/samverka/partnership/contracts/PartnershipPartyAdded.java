package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/** An organisation became a party. Schema: {@code events/schemas/se.samverka.partnership.partyAdded.json}. */
public record PartnershipPartyAdded(String partnershipId, String organisationId, String role) {

    public PartnershipPartyAdded {
        requireText(partnershipId, "partnershipId");
        requireText(organisationId, "organisationId");
        requireText(role, "role");
    }
}
