package se.samverka.reporting.coverage;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.PartnershipRef;
import se.samverka.reporting.report.ProjectRef;
import se.samverka.reporting.report.ReportFilter;

/**
 * What each department and municipal company does internationally: every department head answers for an
 * international dimension.
 *
 * @param departments every department and municipal company, by name
 * @param without     those with neither an open project nor an active partnership
 */
public record Coverage(ReportFilter filter, List<Department> departments, List<Department> without,
                       Freshness freshness) {

    /**
     * @param openProjects    how many open projects (not closed, rejected, withdrawn or cancelled) it owns or takes
     *                        part in
     * @param ongoingProjects how many of them are ONGOING
     * @param projects        those open projects; absent where only counted ({@code projects=counted})
     * @param partnerships    the ACTIVE partnerships it is responsible for or a party to
     */
    public record Department(String organisationId, String name, String type, long openProjects, long ongoingProjects,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<ProjectRef> projects,
                             List<PartnershipRef> partnerships) {

        public boolean hasInternationalDimension() {
            return openProjects > 0 || !partnerships.isEmpty();
        }
    }
}
