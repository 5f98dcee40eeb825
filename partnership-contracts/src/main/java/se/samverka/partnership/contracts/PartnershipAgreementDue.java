package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date of the partnership's agreement has come: it expired (and the partnership went to review, announced by its
 * own status change) or is due for renewal. Schema: {@code events/schemas/se.samverka.partnership.agreementDue.json}.
 *
 * @param due EXPIRY (its validTo passed) or RENEWAL (its renewalOn came)
 */
public record PartnershipAgreementDue(String partnershipId, String due, LocalDate dueOn) {

    public PartnershipAgreementDue {
        requireText(partnershipId, "partnershipId");
        requireText(due, "due");
        Objects.requireNonNull(dueOn, "dueOn is required");
    }
}
