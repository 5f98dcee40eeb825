package se.samverka.project.portfolio;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.FieldProblem;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.project.assessment.Assessment;
import se.samverka.project.assessment.PriorityAssessment;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.contracts.Participation;
import se.samverka.project.directory.Directory;
import se.samverka.project.portfolio.ProjectRequests.ActivityDetails;
import se.samverka.project.portfolio.ProjectRequests.FundingLineDetails;
import se.samverka.project.portfolio.ProjectRequests.HealthDetails;
import se.samverka.project.portfolio.ProjectRequests.ImportedIndicator;
import se.samverka.project.portfolio.ProjectRequests.ImportedProject;
import se.samverka.project.portfolio.ProjectRequests.IndicatorDetails;
import se.samverka.project.portfolio.ProjectRequests.IndicatorReportDetails;
import se.samverka.project.portfolio.ProjectRequests.ProjectImport;
import se.samverka.project.portfolio.ProjectRequests.TransitionDetails;

/**
 * The project portfolio. Every change is based on the version the caller read (If-Match), re-computes the priority
 * assessment, and is stored in one write with the events the project gives back for it (its own event, and an
 * assessment event when the assessment changes): this service loads, asks the project, stores and publishes.
 */
@Service
public class ProjectPortfolio {

    /** Who takes the steps the platform takes by itself. */
    static final String PLATFORM = "samverka";
    private static final int ATTEMPTS = 5;

    private final AggregateStore<Project> projects;
    private final ProjectChecks checks;
    private final PriorityAssessment assessment;
    private final Directory directory;
    private final Callers callers;
    private final Clock clock;

    public ProjectPortfolio(AggregateStore<Project> projects, ProjectChecks checks, PriorityAssessment assessment,
                            Directory directory, Callers callers, Clock clock) {
        this.projects = projects;
        this.checks = checks;
        this.assessment = assessment;
        this.directory = directory;
        this.callers = callers;
        this.clock = clock;
    }

    /** @throws AccessDeniedException 403 unless the caller registers it for its own organisation (or is ADMIN) */
    public Versioned<Project> register(ProjectDescription request) {
        Caller caller = callers.require(Caller::mayCreate, "access.project.register");
        ProjectDescription description = request.normalized();
        requireOwner(caller, description.ownerOrganisationId());
        checks.description(description, List.of());
        String id = UUID.randomUUID().toString();
        Change<Project> change = Project.register(id, description, clock.instant(), StaffMember.of(caller))
                .then(project -> project.assess(id, assessment(project)));
        return projects.create(id, change);
    }

    /**
     * Registers projects kept in another system before, each with its parts and its steps through the lifecycle, as
     * the single requests would have, and each stored in one write with the events announcing all of it. A project
     * whose key its owner has imported before is left as it is. Nothing is stored unless every project is accepted.
     *
     * @throws AccessDeniedException   403 unless the caller may register projects for every owner named
     * @throws InvalidRequestException 422 naming each project's first problem, e.g. {@code projects[2].partners[0]
     *                                 .organisationId}
     */
    public List<ImportedProject> importAll(List<ProjectImport> imports) {
        Caller caller = callers.require(Caller::mayCreate, "access.project.register");
        List<String> ids = new ArrayList<>();
        for (ProjectImport item : imports) {
            requireOwner(caller, item.description().normalized().ownerOrganisationId());
            ids.add(importedId(item));
        }
        Map<String, Versioned<Project>> existing = projects.find(Query.query(Criteria.where("_id").in(ids))).stream()
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
        Map<String, Change<Project>> changes = new LinkedHashMap<>();
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < imports.size(); i++) {
            String at = "projects[" + i + "]";
            if (!seen.add(ids.get(i))) {
                problems.add(new FieldProblem(at + ".key", "reason.import.key-repeated", imports.get(i).key()));
            } else if (!existing.containsKey(ids.get(i))) {
                try {
                    changes.put(ids.get(i), imported(ids.get(i), imports.get(i), at));
                } catch (InvalidRequestException e) {
                    problems.addAll(e.problems());
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        Map<String, Versioned<Project>> created = projects.createAll(changes).stream()
                .collect(Collectors.toMap(Versioned::id, Function.identity()));
        return IntStream.range(0, imports.size()).mapToObj(i -> {
            Versioned<Project> made = created.get(ids.get(i));
            Versioned<Project> project = made != null ? made : existing.get(ids.get(i));
            return new ImportedProject(imports.get(i).key(), project.id(), project.version(), made != null);
        }).toList();
    }

    /** The same key of the same owner names the same project, however often it is imported. */
    private static String importedId(ProjectImport item) {
        String name = "project-import:" + item.description().normalized().ownerOrganisationId() + ":" + item.key();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** The project as its import makes it: each part checked as its own request would be, and the field named. */
    private Change<Project> imported(String id, ProjectImport item, String at) {
        ProjectDescription description = item.description().normalized();
        Change<Project> change = named(at + ".description", Project.register(id, description, clock.instant(),
                StaffMember.of(callers.current())), project -> {
                    checks.description(description, List.of());
                    return Change.of(project);
                });
        for (int i = 0; i < item.partners().size(); i++) {
            Partner partner = item.partners().get(i);
            change = named(at + ".partners[" + i + "]", change, project -> {
                checks.partner(project.description(), project.partners(), partner);
                return project.addPartner(id, partner);
            });
        }
        for (int i = 0; i < item.fundingLines().size(); i++) {
            FundingLineDetails details = item.fundingLines().get(i);
            change = named(at + ".fundingLines[" + i + "]", change,
                    project -> project.addFundingLine(id, checks.fundingLine(shortId("f"), details)));
        }
        for (int i = 0; i < item.indicators().size(); i++) {
            ImportedIndicator imported = item.indicators().get(i);
            String indicatorId = shortId("i");
            change = named(at + ".indicators[" + i + "].definition", change,
                    project -> project.defineIndicator(id, indicator(indicatorId, imported.definition())));
            for (int r = 0; r < imported.reports().size(); r++) {
                IndicatorReportDetails details = imported.reports().get(r);
                change = named(at + ".indicators[" + i + "].reports[" + r + "]", change,
                        project -> project.reportIndicator(id, indicatorReport(indicatorId, details)));
            }
        }
        for (int i = 0; i < item.activities().size(); i++) {
            ActivityDetails details = item.activities().get(i);
            change = named(at + ".activities[" + i + "]", change,
                    project -> project.recordActivity(id, activity(shortId("a"), details)));
        }
        if (item.finalReport() != null) {
            change = change.then(project -> project.recordFinalReport(id, item.finalReport()));
        }
        for (int i = 0; i < item.transitions().size(); i++) {
            TransitionDetails details = item.transitions().get(i);
            change = named(at + ".transitions[" + i + "]", change, project -> transition(id, project, details));
        }
        if (item.health() != null) {
            change = named(at + ".health", change, project -> project.judgeHealth(id, health(item.health())));
        }
        return change.then(project -> project.assess(id, assessment(project)));
    }

    /** {@code step} after {@code change}; what it refuses is named from {@code field}, within the import's body. */
    private static Change<Project> named(String field, Change<Project> change,
                                         Function<Project, Change<Project>> step) {
        try {
            return change.then(step);
        } catch (IllegalTransitionException e) {
            throw new InvalidRequestException(List.of(new FieldProblem(field + ".to", e.reason())));
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(e.problems().stream()
                    .map(problem -> new FieldProblem(field + "." + problem.field(), problem.reason())).toList());
        }
    }

    public Versioned<Project> describe(String id, long expectedVersion, ProjectDescription request) {
        ProjectDescription description = request.normalized();
        Versioned<Project> current = current(id, expectedVersion);
        requireOwner(callers.current(), description.ownerOrganisationId());
        checks.description(description, current.state().partners());
        return commit(current, current.state().describe(id, description));
    }

    public Versioned<Project> addPartner(String id, long expectedVersion, Partner partner) {
        Versioned<Project> current = current(id, expectedVersion);
        checks.partner(current.state().description(), current.state().partners(), partner);
        return commit(current, current.state().addPartner(id, partner));
    }

    public Versioned<Project> removePartner(String id, long expectedVersion, String organisationId) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, current.state().removePartner(id, organisationId));
    }

    public Versioned<Project> addFundingLine(String id, long expectedVersion, FundingLineDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        FundingLine line = checks.fundingLine(shortId("f"), details);
        return commit(current, current.state().addFundingLine(id, line));
    }

    public Versioned<Project> changeFundingLine(String id, long expectedVersion, String lineId, FundingLineDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().requireFundingLine(lineId); // an unknown line is a 404 before its details are judged
        FundingLine line = checks.fundingLine(lineId, details);
        return commit(current, current.state().changeFundingLine(id, line));
    }

    public Versioned<Project> removeFundingLine(String id, long expectedVersion, String lineId) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, current.state().removeFundingLine(id, lineId));
    }

    public Versioned<Project> defineIndicator(String id, long expectedVersion, IndicatorDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        Indicator indicator = indicator(shortId("i"), details);
        return commit(current, current.state().defineIndicator(id, indicator));
    }

    public Versioned<Project> changeIndicator(String id, long expectedVersion, String indicatorId, IndicatorDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().requireIndicator(indicatorId); // an unknown indicator is a 404 before its details are judged
        Indicator indicator = indicator(indicatorId, details);
        return commit(current, current.state().changeIndicator(id, indicator));
    }

    public Versioned<Project> reportIndicator(String id, long expectedVersion, String indicatorId,
                                              IndicatorReportDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, current.state().reportIndicator(id, indicatorReport(indicatorId, details)));
    }

    public Versioned<Project> recordActivity(String id, long expectedVersion, ActivityDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        Activity activity = activity(shortId("a"), details);
        return commit(current, current.state().recordActivity(id, activity));
    }

    public Versioned<Project> changeActivity(String id, long expectedVersion, String activityId, ActivityDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().requireActivity(activityId); // an unknown activity is a 404 before its details are judged
        Activity activity = activity(activityId, details);
        return commit(current, current.state().changeActivity(id, activity));
    }

    public Versioned<Project> removeActivity(String id, long expectedVersion, String activityId) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, current.state().removeActivity(id, activityId));
    }

    public Versioned<Project> recordFinalReport(String id, long expectedVersion, FinalReport report) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, current.state().recordFinalReport(id, report));
    }

    public Versioned<Project> judgeHealth(String id, long expectedVersion, HealthDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, current.state().judgeHealth(id, health(details)));
    }

    /** A step someone takes in the lifecycle; 409 when it is not allowed now. */
    public Versioned<Project> transition(String id, long expectedVersion, TransitionDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, transition(id, current.state(), details));
    }

    /** A contact person was removed from the directory: no project names them any more. */
    public void dropContactPerson(String contactPersonId) {
        Query naming = Query.query(Criteria.where("state.description.contactPersonIds").is(contactPersonId));
        for (Versioned<Project> project : projects.find(naming)) {
            retrying(project.id(), current ->
                    commit(current, current.state().dropContactPerson(current.id(), contactPersonId)));
        }
    }

    /** A project the caller may read; one it may not is answered as if it did not exist, so ids cannot be probed. */
    public Versioned<Project> get(String id) {
        Caller caller = callers.current();
        return projects.find(id)
                .filter(project -> caller.mayRead(project.state().description().visibility().name(),
                        project.state().description().ownerOrganisationId()))
                .orElseThrow(() -> new NotFoundException("not-found.project", id));
    }

    /** The projects of the filter that the caller may read. */
    public Page<Versioned<Project>> find(ProjectFilter filter, Paging paging) {
        List<String> inCountry = filter.country() == null ? List.of() : directory.organisationsIn(filter.country());
        return projects.find(filter.toQuery(inCountry, callers.current()), paging.pageable());
    }

    /** Stores what a command made of the project read at {@code current}, re-assessed, with the events of both. */
    private Versioned<Project> commit(Versioned<Project> current, Change<Project> change) {
        Change<Project> assessed = change.then(project -> project.assess(current.id(), assessment(project)));
        return projects.update(current, assessed);
    }

    private Assessment assessment(Project project) {
        ProjectDescription d = project.description();
        List<String> partnerIds = project.partners().stream().map(Partner::organisationId).toList();
        PriorityAssessment.Facts facts = new PriorityAssessment.Facts(d.ownerOrganisationId(), partnerIds,
                d.mutualInterest(), project.indicators(), d.growthAreas());
        return assessment.assess(facts, directory.organisations(
                Stream.concat(Stream.of(d.ownerOrganisationId()), partnerIds.stream()).toList()));
    }

    /** The project as the caller read it, to be changed: 404 if it may not read it, 403 if it may not change it. */
    private Versioned<Project> current(String id, long expectedVersion) {
        Versioned<Project> current = get(id);
        requireOwner(callers.current(), current.state().description().ownerOrganisationId());
        Preconditions.requireVersion(current.version(), expectedVersion);
        return current;
    }

    private static void requireOwner(Caller caller, String ownerOrganisationId) {
        if (!caller.mayWrite(ownerOrganisationId)) {
            throw new AccessDeniedException(!caller.isAnonymous(), "access.project.change");
        }
    }

    private void retrying(String id, Function<Versioned<Project>, Versioned<Project>> change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Versioned<Project>> current = projects.find(id);
            if (current.isEmpty()) {
                return;
            }
            try {
                change.apply(current.get());
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Activity activity(String activityId, ActivityDetails details) {
        checks.country(details.country(), "country");
        List<Participation> participants = details.participants() == null ? List.of() : details.participants().stream()
                .map(p -> new Participation(p.sector().name(), p.gender().name(), p.count()))
                .toList();
        return new Activity(activityId, details.type().name(), details.title().strip(), details.heldOn(), details.place(),
                details.country(), participants);
    }

    private static Indicator indicator(String indicatorId, IndicatorDetails details) {
        if (details.baseline() != null && details.baseline().compareTo(details.target()) == 0) {
            throw new InvalidRequestException("target", "reason.target");
        }
        return new Indicator(indicatorId, details.kind().name(), details.name().strip(), details.unit().strip(),
                details.baseline(), details.target());
    }

    private IndicatorReport indicatorReport(String indicatorId, IndicatorReportDetails details) {
        StaffMember by = StaffMember.of(callers.current());
        return new IndicatorReport(indicatorId, details.reportedOn(), details.value(), details.note(), by.name(),
                by.subject());
    }

    private Health health(HealthDetails details) {
        StaffMember by = StaffMember.of(callers.current());
        return new Health(details.status(), details.note(), LocalDate.now(clock), by.name(), by.subject());
    }

    private Change<Project> transition(String id, Project project, TransitionDetails details) {
        return project.transition(id, details.to(), clock.instant(), StaffMember.of(callers.current()),
                details.reason(), details.decision() == null ? null : details.decision().reference());
    }

    private static String shortId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
