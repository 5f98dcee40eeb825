package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.copyOfOptional;
import static se.samverka.platform.events.Contracts.requireText;

import java.util.List;

/**
 * A partnership entered the register. Schema: {@code events/schemas/se.samverka.partnership.registered.json}.
 *
 * @param type                 e.g. TWIN_CITY, DEVELOPMENT_PARTNERSHIP, REGIONAL_COOPERATION
 * @param status               the lifecycle status it starts in, e.g. EXPLORING
 * @param visibility           INTERNAL, COUNTY or PUBLIC
 * @param partyOrganisationIds the organisations that are parties to it (ids only: no personal data in events)
 * @param parties              the same organisations with their roles; absent in events published before roles
 * @param strategies           codes of the municipality's strategies it serves
 */
public record PartnershipRegistered(
        String partnershipId,
        String name,
        String nameEn,
        String description,
        String type,
        String status,
        String visibility,
        List<String> partyOrganisationIds,
        List<Party> parties,
        String responsibleDepartmentId,
        List<String> themes,
        List<String> strategies) {

    public PartnershipRegistered {
        requireText(partnershipId, "partnershipId");
        requireText(name, "name");
        requireText(type, "type");
        requireText(status, "status");
        requireText(visibility, "visibility");
        partyOrganisationIds = copyOf(partyOrganisationIds, "partyOrganisationIds");
        parties = copyOfOptional(parties);
        themes = copyOfOptional(themes);
        strategies = copyOfOptional(strategies);
    }
}
