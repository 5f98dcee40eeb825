package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.copyOfOptional;
import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Objects;

/**
 * A partnership entered the register. Schema: {@code events/schemas/se.samverka.partnership.registered.json}.
 *
 * @param status               the lifecycle status it starts in, e.g. EXPLORING
 * @param partyOrganisationIds the organisations that are parties to it (ids only: no personal data in events)
 * @param parties              the same organisations with their roles; absent in events published before roles
 * @param description          all of it as it was registered, its fields beside the event's own
 */
public record PartnershipRegistered(
        String partnershipId,
        String status,
        List<String> partyOrganisationIds,
        List<Party> parties,
        @JsonUnwrapped PartnershipDescription description) {

    public PartnershipRegistered {
        requireText(partnershipId, "partnershipId");
        requireText(status, "status");
        partyOrganisationIds = copyOf(partyOrganisationIds, "partyOrganisationIds");
        parties = copyOfOptional(parties);
        Objects.requireNonNull(description, "description is required");
    }
}
