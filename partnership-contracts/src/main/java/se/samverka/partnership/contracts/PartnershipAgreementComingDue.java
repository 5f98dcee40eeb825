package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date of the partnership's agreement is near: announced once per lead time configured. Schema:
 * {@code events/schemas/se.samverka.partnership.agreementComingDue.json}.
 *
 * @param due      EXPIRY (its validTo) or RENEWAL (its renewalOn)
 * @param daysLeft the lead time this notice is for
 */
public record PartnershipAgreementComingDue(String partnershipId, String due, LocalDate dueOn, int daysLeft) {

    public PartnershipAgreementComingDue {
        requireText(partnershipId, "partnershipId");
        requireText(due, "due");
        Objects.requireNonNull(dueOn, "dueOn is required");
    }
}
