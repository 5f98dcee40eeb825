package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/** An organisation is no longer a party. Schema: {@code events/schemas/se.samverka.partnership.partyRemoved.json}. */
public record PartnershipPartyRemoved(String partnershipId, String organisationId) {

    public PartnershipPartyRemoved {
        requireText(partnershipId, "partnershipId");
        requireText(organisationId, "organisationId");
    }
}
