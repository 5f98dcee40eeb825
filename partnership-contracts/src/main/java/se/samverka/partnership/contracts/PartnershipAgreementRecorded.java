package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The partnership's agreement was recorded or replaced. Schema:
 * {@code events/schemas/se.samverka.partnership.agreementRecorded.json}.
 *
 * @param agreementType LETTER_OF_INTENT, MEMORANDUM_OF_UNDERSTANDING or AGREEMENT
 */
public record PartnershipAgreementRecorded(
        String partnershipId,
        String agreementType,
        LocalDate signedOn,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate renewalOn) {

    public PartnershipAgreementRecorded {
        requireText(partnershipId, "partnershipId");
        requireText(agreementType, "agreementType");
        Objects.requireNonNull(signedOn, "signedOn is required");
    }
}
