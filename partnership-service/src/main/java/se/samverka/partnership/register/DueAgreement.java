package se.samverka.partnership.register;

import java.time.LocalDate;

/**
 * A date of a partnership's agreement that is near or has just passed, as {@code GET /api/partnerships/agreements/due}
 * lists it.
 *
 * @param daysLeft until the date, 0 on the day itself, negative once it has passed
 */
public record DueAgreement(
        String partnershipId,
        String name,
        String nameEn,
        PartnershipStatus status,
        AgreementDue due,
        LocalDate dueOn,
        int daysLeft) {
}
