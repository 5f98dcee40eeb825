package se.samverka.partnership.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;
import se.samverka.reference.Visibility;

/**
 * A partnership as the API shows it, with what derives from its parties (their names, countries and sectors) and
 * from the projects linked to it (their ids, the last activity).
 *
 * @param allowedTransitions where it may go from its status, by hand
 * @param lastActivityAt     the last change of a project linked to it, if any
 * @param agreementDue       the dates of its agreement within the longest lead time or passed; none once it ended
 */
public record PartnershipResource(
        String id,
        long version,
        String name,
        String nameEn,
        String description,
        PartnershipType type,
        PartnershipStatus status,
        Instant statusSince,
        List<PartnershipStatus> allowedTransitions,
        Visibility visibility,
        List<PartyView> parties,
        List<String> countries,
        List<Sector> sectorsEngaged,
        String responsibleDepartmentId,
        List<GlobalTheme> themes,
        List<String> strategies,
        Agreement agreement,
        List<Decision> decisions,
        List<StatusChange> history,
        List<String> projectIds,
        Instant lastActivityAt,
        List<AgreementDueView> agreementDue) {

    /** A party with what the directory says of it. */
    /** @param daysLeft until the date, 0 on the day itself, negative once it has passed */
    public record AgreementDueView(AgreementDue due, LocalDate dueOn, int daysLeft) {
    }

    public record PartyView(String organisationId, PartyRole role, String name, String country, Sector sector) {
    }
}
