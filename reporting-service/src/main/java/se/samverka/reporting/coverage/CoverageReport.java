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
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.reporting.figures.Counts;
import se.samverka.reporting.figures.EntryPages;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
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

    /** With every department's open projects listed: counts the snapshot's entries (every entry, when listed). */
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
     * where they hold what the filter covers, else from the entries it may include
     * ({@link ReadModelSet#snapshot(ReportFilter)}). Read within {@link ReadModelSet#reading}.
     */
    public Coverage counted(ReadModelSet set, ReportFilter filter, Freshness freshness) {
        ReportFilter others = filter.withDepartment(null);
        Optional<Counts> figures = set.figures().counts(others);
        if (figures.isEmpty()) {
            Coverage listed = of(set.snapshot(others), filter, freshness);
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

    /**
     * A page of the open projects the department or municipal company owns or takes part in, by title, in what the
     * filter's other parts cover: read from an index, with how many there are from the figures (ADR 0022) where they
     * hold them, else counted by the index; from every entry while the figures are not whole. Read within
     * {@link ReadModelSet#reading}.
     *
     * @throws NotFoundException where the organisation is none that coverage shows
     */
    public DepartmentProjects projects(ReadModelSet set, String organisationId, ReportFilter filter, Paging page,
                                       Freshness freshness) {
        if (!set.figures().whole()) {
            return projects(set.snapshot(), organisationId, filter, page, freshness);
        }
        OrganisationEntry department = covered(set.organisations().find(organisationId), organisationId);
        ReportFilter others = filter.withDepartment(null);
        Criteria open = new Criteria().andOperator(EntryPages.openWith(organisationId), EntryPages.of(others));
        long total = set.figures().counts(others).map(counts -> counts.of(OPEN_BY).getOrDefault(organisationId, 0L))
                .orElseGet(() -> set.countProjects(open));
        long from = (long) page.page() * page.size();
        // No more than counted: the index is not walked past the last of them.
        Map<String, ProjectEntry> found = from >= total ? Map.of()
                : set.projects(open, EntryPages.BY_TITLE, from, (int) Math.min(page.size(), total - from));
        return departmentProjects(organisationId, department, others, PageResponse.of(
                found.entrySet().stream().map(ProjectRef::of).toList(), page.page(), page.size(), total), freshness);
    }

    /** As {@link #projects(ReadModelSet, String, ReportFilter, Paging, Freshness)}, counted from every entry. */
    public DepartmentProjects projects(Snapshot snapshot, String organisationId, ReportFilter filter, Paging page,
                                       Freshness freshness) {
        OrganisationEntry department = covered(snapshot.organisation(organisationId), organisationId);
        ReportFilter others = filter.withDepartment(null);
        List<ProjectRef> open = openProjectsByOrganisation(snapshot, others).getOrDefault(organisationId, List.of())
                .stream().collect(Names.byName(ProjectRef::title));
        return departmentProjects(organisationId, department, others, PageResponse.of(open.stream()
                .skip((long) page.page() * page.size()).limit(page.size()).toList(), page.page(), page.size(),
                open.size()), freshness);
    }

    /** @throws NotFoundException unless the organisation is one that coverage shows */
    private static OrganisationEntry covered(Optional<OrganisationEntry> organisation, String organisationId) {
        return organisation.filter(CoverageReport::covered)
                .orElseThrow(() -> new NotFoundException("not-found.department", organisationId));
    }

    private static DepartmentProjects departmentProjects(String organisationId, OrganisationEntry department,
                                                         ReportFilter others, PageResponse<ProjectRef> projects,
                                                         Freshness freshness) {
        return new DepartmentProjects(others, organisationId, department.description().name(),
                department.description().type(), projects, freshness);
    }

    /** A department or municipal company that takes part: those coverage shows. */
    private static boolean covered(OrganisationEntry organisation) {
        return organisation.isMunicipalOperation() && organisation.description().takesPart();
    }

    /** A department's open projects: how many, how many ONGOING, and which (null where only counted). */
    private record Projects(long open, long ongoing, List<ProjectRef> listed) {
    }

    private static Coverage coverage(Snapshot snapshot, ReportFilter filter, Freshness freshness,
                                     Function<String, Projects> projects) {
        ReportFilter others = filter.withDepartment(null);
        List<Coverage.Department> departments = snapshot.organisations().entrySet().stream()
                .filter(organisation -> covered(organisation.getValue()))
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
