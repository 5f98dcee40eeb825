package se.samverka.reporting.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.Years;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.Snapshot;

/**
 * What a report covers; each part left out covers all.
 *
 * @param year       projects that run some time that year (actual dates over planned ones); partnerships are taken
 *                   as they are now
 * @param department projects the organisation owns, partnerships it is responsible for (a department or municipal
 *                   company, by id)
 * @param strategy   a strategy's code, e.g. S1
 * @param country    ISO 3166-1 alpha-2: projects and partnerships with an organisation there
 */
public record ReportFilter(Integer year, String department, String strategy, String country) {

    public static final ReportFilter ALL = new ReportFilter(null, null, null, null);

    /** @throws InvalidRequestException (422) naming each parameter that is not as described */
    public ReportFilter {
        List<FieldProblem> problems = new ArrayList<>();
        Years.problem("year", year).ifPresent(problems::add);
        if (country != null && !country.matches("[A-Z]{2}")) {
            problems.add(new FieldProblem("country", "reason.country-code"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        department = blankAsNull(department);
        strategy = blankAsNull(strategy);
    }

    /** How many of its parts are given: none covers all. */
    public int parts() {
        return (int) Stream.of(year, department, strategy, country).filter(Objects::nonNull).count();
    }

    public ReportFilter withYear(Integer newYear) {
        return new ReportFilter(newYear, department, strategy, country);
    }

    public ReportFilter withDepartment(String newDepartment) {
        return new ReportFilter(year, newDepartment, strategy, country);
    }

    public boolean includes(ProjectEntry project, Snapshot snapshot) {
        return (year == null || project.runsIn(year))
                && (department == null || department.equals(project.description().ownerOrganisationId()))
                && (strategy == null || project.description().strategies().contains(strategy))
                && (country == null || snapshot.countriesOf(project.organisationIds()).contains(country));
    }

    public boolean includes(PartnershipEntry partnership, Snapshot snapshot) {
        return (department == null || department.equals(partnership.description().responsibleDepartmentId()))
                && (strategy == null || partnership.description().strategies().contains(strategy))
                && (country == null || snapshot.countriesOf(partnership.partyIds()).contains(country));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
