package se.samverka.reporting.coverage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.PartnershipRef;
import se.samverka.reporting.report.ProjectRef;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;

/** Finds each department's and municipal company's projects and partnerships. */
@Component
public class CoverageReport implements Report<Coverage> {

    @Override
    public Coverage of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        ReportFilter others = filter.withDepartment(null);
        Map<String, List<ProjectRef>> projects = openProjectsByOrganisation(snapshot, others);
        List<Coverage.Department> departments = snapshot.organisations().entrySet().stream()
                .filter(organisation -> organisation.getValue().isMunicipalOperation()
                        && organisation.getValue().description().takesPart())
                .filter(organisation -> filter.department() == null || filter.department().equals(organisation.getKey()))
                .map(organisation -> department(organisation, projects.getOrDefault(organisation.getKey(), List.of()),
                        snapshot, others))
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

    private static Coverage.Department department(Map.Entry<String, OrganisationEntry> organisation,
                                                  List<ProjectRef> openProjects, Snapshot snapshot,
                                                  ReportFilter filter) {
        String id = organisation.getKey();
        List<ProjectRef> projects = openProjects.stream().collect(Names.byName(ProjectRef::title));
        List<PartnershipRef> partnerships = snapshot.partnerships().entrySet().stream()
                .filter(partnership -> "ACTIVE".equals(partnership.getValue().status()))
                .filter(partnership -> id.equals(partnership.getValue().description().responsibleDepartmentId())
                        || partnership.getValue().partyIds().contains(id))
                .filter(partnership -> filter.includes(partnership.getValue(), snapshot))
                .map(PartnershipRef::of)
                .collect(Names.byName(PartnershipRef::name));
        long ongoing = projects.stream().filter(project -> "ONGOING".equals(project.status())).count();
        OrganisationDescription department = organisation.getValue().description();
        return new Coverage.Department(id, department.name(), department.type(), ongoing, projects, partnerships);
    }
}
