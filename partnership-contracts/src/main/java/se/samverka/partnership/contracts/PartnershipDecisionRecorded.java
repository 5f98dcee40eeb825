package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A decision about the partnership was recorded. Schema:
 * {@code events/schemas/se.samverka.partnership.decisionRecorded.json}.
 *
 * @param body               who decided, e.g. Kommunfullmäktige
 * @param paragraph          the paragraph (§) in the body's minutes
 * @param registrationNumber the diarienummer, e.g. 1783/200
 */
public record PartnershipDecisionRecorded(
        String partnershipId,
        String decisionId,
        String body,
        LocalDate decidedOn,
        String paragraph,
        String registrationNumber) {

    public PartnershipDecisionRecorded {
        requireText(partnershipId, "partnershipId");
        requireText(decisionId, "decisionId");
        requireText(body, "body");
        Objects.requireNonNull(decidedOn, "decidedOn is required");
    }
}
