package se.samverka.reporting.coverage;

import static se.samverka.reporting.figures.Counts.ONGOING_BY;
import static se.samverka.reporting.figures.Counts.OPEN_BY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.reporting.figures.Counts;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.PartnershipRef;
import se.samverka.reporting.report.ProjectRef;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;

/** Finds each department's and municipal company's projects and partnerships. */
@Component
public class CoverageReport implements Report<Coverage> {

    /** With every department's open projects listed: counts every entry. */
    @Override
    public Coverage of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        Map<String, List<ProjectRef>> projects = openProjectsByOrganisation(snapshot, filter.withDepartment(null));
        return coverage(snapshot, filter, freshness, id -> {
            List<ProjectRef> open = projects.getOrDefault(id, List.of()).stream()
                    .collect(Names.byName(ProjectRef::title));
            return new Projects(open.size(), open.stream().filter(project -> "ONGOING".equals(project.status()))
                    .count(), open);
        });
    }

    /**
     * With every department's open projects counted, not listed: from the figures kept with the entries (ADR 0022)
     * where they hold what the filter covers, else from every entry. Read within {@link ReadModelSet#reading}.
     */
    public Coverage counted(ReadModelSet set, ReportFilter filter, Freshness freshness) {
        Optional<Counts> figures = set.figures().counts(filter.withDepartment(null));
        if (figures.isEmpty()) {
            Coverage listed = of(set.snapshot(), filter, freshness);
            UnaryOperator<Coverage.Department> unlisted = department -> new Coverage.Department(
                    department.organisationId(), department.name(), department.type(), department.openProjects(),
                    department.ongoingProjects(), null, department.partnerships());
            return new Coverage(filter, listed.departments().stream().map(unlisted).toList(),
                    listed.without().stream().map(unlisted).toList(), freshness);
        }
        Map<String, Long> open = figures.get().of(OPEN_BY);
        Map<String, Long> ongoing = figures.get().of(ONGOING_BY);
        return coverage(set.withoutProjects(), filter, freshness, id ->
                new Projects(open.getOrDefault(id, 0L), ongoing.getOrDefault(id, 0L), null));
    }

    /** A department's open projects: how many, how many ONGOING, and which (null where only counted). */
    private record Projects(long open, long ongoing, List<ProjectRef> listed) {
    }

    private static Coverage coverage(Snapshot snapshot, ReportFilter filter, Freshness freshness,
                                     Function<String, Projects> projects) {
        ReportFilter others = filter.withDepartment(null);
        List<Coverage.Department> departments = snapshot.organisations().entrySet().stream()
                .filter(organisation -> organisation.getValue().isMunicipalOperation()
                        && organisation.getValue().description().takesPart())
                .filter(organisation -> filter.department() == null || filter.department().equals(organisation.getKey()))
                .map(organisation -> department(organisation, projects.apply(organisation.getKey()), snapshot, others))
                .collect(Names.byName(Coverage.Department::name));
        return new Coverage(filter, departments,
                departments.stream().filter(department -> !department.hasInternationalDimension()).toList(), freshness);
    }

    /** The open projects the filter includes, under each organisation taking part, read in one pass over them all. */
    private static Map<String, List<ProjectRef>> openProjectsByOrganisation(Snapshot snapshot, ReportFilter filter) {
        Map<String, List<ProjectRef>> projects = new HashMap<>();
        snapshot.projects().entrySet().stream()
                .filter(project -> project.getValue().isOpen() && filter.includes(project.getValue(), snapshot))
                .forEach(project -> project.getValue().organisationIds().forEach(organisationId ->
                        projects.computeIfAbsent(organisationId, id -> new ArrayList<>()).add(ProjectRef.of(project))));
        return projects;
    }

    private static Coverage.Department department(Map.Entry<String, OrganisationEntry> organisation, Projects projects,
                                                  Snapshot snapshot, ReportFilter filter) {
        String id = organisation.getKey();
        List<PartnershipRef> partnerships = snapshot.partnerships().entrySet().stream()
                .filter(partnership -> "ACTIVE".equals(partnership.getValue().status()))
                .filter(partnership -> id.equals(partnership.getValue().description().responsibleDepartmentId())
                        || partnership.getValue().partyIds().contains(id))
                .filter(partnership -> filter.includes(partnership.getValue(), snapshot))
                .map(PartnershipRef::of)
                .collect(Names.byName(PartnershipRef::name));
        OrganisationDescription department = organisation.getValue().description();
        return new Coverage.Department(id, department.name(), department.type(), projects.open(), projects.ongoing(),
                projects.listed(), partnerships);
    }
}
