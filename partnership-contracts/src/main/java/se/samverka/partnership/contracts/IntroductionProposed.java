package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * The broker proposed to introduce an interest's organisation to a counterpart that matches it. Why they match, and
 * any note, stay in partnership-service. Schema: {@code events/schemas/se.samverka.introduction.proposed.json}.
 *
 * @param interestId                the interest the introduction answers
 * @param organisationId            the organisation that stated the interest: the first side
 * @param counterpartKind           what matched: INTEREST, PARTNERSHIP, ORGANISATION or PROJECT
 * @param counterpartId             its id
 * @param counterpartOrganisationId the organisation that answers for the counterpart: the second side
 * @param partnershipId             the partnership the introduction goes through, if any
 * @param proposedByOrganisationId  the organisation of whoever proposed it
 */
public record IntroductionProposed(
        String introductionId,
        String interestId,
        String organisationId,
        String counterpartKind,
        String counterpartId,
        String counterpartOrganisationId,
        String partnershipId,
        String proposedByOrganisationId) {

    public IntroductionProposed {
        requireText(introductionId, "introductionId");
        requireText(interestId, "interestId");
        requireText(organisationId, "organisationId");
        requireText(counterpartKind, "counterpartKind");
        requireText(counterpartId, "counterpartId");
        requireText(counterpartOrganisationId, "counterpartOrganisationId");
    }
}
