package se.samverka.reporting.coverage;

import java.util.Comparator;
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
        List<Coverage.Department> departments = snapshot.organisations().entrySet().stream()
                .filter(organisation -> organisation.getValue().isMunicipalOperation()
                        && organisation.getValue().description().takesPart())
                .filter(organisation -> filter.department() == null || filter.department().equals(organisation.getKey()))
                .map(organisation -> department(organisation, snapshot, others))
                .sorted(Comparator.comparing(Coverage.Department::name, Names.ORDER))
                .toList();
        return new Coverage(filter, departments,
                departments.stream().filter(department -> !department.hasInternationalDimension()).toList(), freshness);
    }

    private static Coverage.Department department(Map.Entry<String, OrganisationEntry> organisation, Snapshot snapshot,
                                                  ReportFilter filter) {
        String id = organisation.getKey();
        List<ProjectRef> projects = snapshot.projects().entrySet().stream()
                .filter(project -> project.getValue().isOpen() && project.getValue().organisationIds().contains(id))
                .filter(project -> filter.includes(project.getValue(), snapshot))
                .map(ProjectRef::of)
                .sorted(Comparator.comparing(ProjectRef::title, Names.ORDER))
                .toList();
        List<PartnershipRef> partnerships = snapshot.partnerships().entrySet().stream()
                .filter(partnership -> "ACTIVE".equals(partnership.getValue().status()))
                .filter(partnership -> id.equals(partnership.getValue().description().responsibleDepartmentId())
                        || partnership.getValue().partyIds().contains(id))
                .filter(partnership -> filter.includes(partnership.getValue(), snapshot))
                .map(PartnershipRef::of)
                .sorted(Comparator.comparing(PartnershipRef::name, Names.ORDER))
                .toList();
        long ongoing = projects.stream().filter(project -> "ONGOING".equals(project.status())).count();
        OrganisationDescription department = organisation.getValue().description();
        return new Coverage.Department(id, department.name(), department.type(), ongoing, projects, partnerships);
    }
}
