package se.samverka.reporting.partnerships;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.ProjectRef;
import se.samverka.reporting.report.ReportFilter;

/** Each partnership with what keeps it alive: its projects, their activities, its last activity. */
public record Partnerships(ReportFilter filter, List<Row> partnerships, Freshness freshness) {

    /**
     * @param dormant      whether the register found no activity for too long (status DORMANT)
     * @param projects     the projects linked to it (of the filter's year, if one is given)
     * @param openProjects how many of them are not over
     * @param activities   activities of those projects (held in the filter's year, if one is given)
     * @param participants people who took part in those activities
     * @param lastActivity its own latest change or that of a linked project, whichever is later
     */
    public record Row(
            String partnershipId,
            String name,
            String type,
            String status,
            Instant statusSince,
            boolean dormant,
            String visibility,
            List<PartyRow> parties,
            List<String> countries,
            String agreementType,
            LocalDate agreementValidTo,
            List<ProjectRef> projects,
            long openProjects,
            long activities,
            long participants,
            Instant lastActivity) {
    }

    /** @param nameEn the English name where it differs, for places that cannot show the name's script */
    public record PartyRow(String organisationId, String name, String nameEn, String type, String country,
                           String role) {
    }
}
