package se.samverka.project.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import se.samverka.platform.messaging.outbox.AggregateStore;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;
import se.samverka.platform.web.AccessDeniedException;
import se.samverka.platform.web.CurrentActor;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Preconditions;
import se.samverka.project.assessment.Assessment;
import se.samverka.project.assessment.PriorityAssessment;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.ActivityChanged;
import se.samverka.project.contracts.ActivityRecorded;
import se.samverka.project.contracts.ActivityRemoved;
import se.samverka.project.contracts.AssessedCriterion;
import se.samverka.project.contracts.FinalReportRecorded;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.FundingLineRemoved;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.contracts.IndicatorChanged;
import se.samverka.project.contracts.IndicatorDefined;
import se.samverka.project.contracts.IndicatorReported;
import se.samverka.project.contracts.Participation;
import se.samverka.project.contracts.ProjectAssessed;
import se.samverka.project.contracts.ProjectHealthChanged;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectPartnerRemoved;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;
import se.samverka.project.directory.Directory;
import se.samverka.project.portfolio.ProjectRequests.ActivityDetails;
import se.samverka.project.portfolio.ProjectRequests.FundingLineDetails;
import se.samverka.project.portfolio.ProjectRequests.HealthDetails;
import se.samverka.project.portfolio.ProjectRequests.IndicatorDetails;
import se.samverka.project.portfolio.ProjectRequests.IndicatorReportDetails;
import se.samverka.project.portfolio.ProjectRequests.TransitionDetails;

/**
 * The project portfolio. Every change is based on the version the caller read (If-Match), re-computes the priority
 * assessment, and is announced by its event (and by an assessment event when the score changes) in the same write.
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
    private final CurrentActor actor;
    private final Callers callers;
    private final Clock clock;

    public ProjectPortfolio(AggregateStore<Project> projects, ProjectChecks checks, PriorityAssessment assessment,
                            Directory directory, CurrentActor actor, Callers callers, Clock clock) {
        this.projects = projects;
        this.checks = checks;
        this.assessment = assessment;
        this.directory = directory;
        this.actor = actor;
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
        Project project = assessed(Project.registered(description, new StatusChange(null, ProjectStatus.IDEA,
                clock.instant(), actor.name(), "Registered", null)));
        return projects.create(id, project, registered(id, project), assessedEvent(id, project.assessment()));
    }

    public Versioned<Project> describe(String id, long expectedVersion, ProjectDescription request) {
        ProjectDescription description = request.normalized();
        Versioned<Project> current = current(id, expectedVersion);
        requireOwner(callers.current(), description.ownerOrganisationId());
        checks.description(description, current.state().partners());
        return commit(current, current.state().describedAs(description), updated(id, description));
    }

    public Versioned<Project> addPartner(String id, long expectedVersion, Partner partner) {
        Versioned<Project> current = current(id, expectedVersion);
        checks.partner(current.state().description(), current.state().partners(), partner);
        return commit(current, current.state().withPartners(Project.added(current.state().partners(), partner)),
                new ProjectPartnerAdded(id, partner.organisationId(), partner.role().name()));
    }

    public Versioned<Project> removePartner(String id, long expectedVersion, String organisationId) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().partner(organisationId).orElseThrow(() -> new NotFoundException("not-found.partner", organisationId));
        return commit(current, current.state().withPartners(Project.removed(current.state().partners(),
                partner -> partner.organisationId().equals(organisationId))), new ProjectPartnerRemoved(id, organisationId));
    }

    public Versioned<Project> addFundingLine(String id, long expectedVersion, FundingLineDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        FundingLine line = checks.fundingLine(shortId("f"), details);
        return commit(current, current.state().withFundingLines(Project.added(current.state().fundingLines(), line)),
                new FundingLineAdded(id, line));
    }

    public Versioned<Project> changeFundingLine(String id, long expectedVersion, String lineId, FundingLineDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().fundingLine(lineId).orElseThrow(() -> new NotFoundException("not-found.funding-line", lineId));
        FundingLine line = checks.fundingLine(lineId, details);
        return commit(current, current.state().withFundingLines(Project.replaced(current.state().fundingLines(),
                existing -> existing.fundingLineId().equals(lineId), line)), new FundingLineChanged(id, line));
    }

    public Versioned<Project> removeFundingLine(String id, long expectedVersion, String lineId) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().fundingLine(lineId).orElseThrow(() -> new NotFoundException("not-found.funding-line", lineId));
        return commit(current, current.state().withFundingLines(Project.removed(current.state().fundingLines(),
                line -> line.fundingLineId().equals(lineId))), new FundingLineRemoved(id, lineId));
    }

    public Versioned<Project> defineIndicator(String id, long expectedVersion, IndicatorDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        Indicator indicator = indicator(shortId("i"), details);
        return commit(current, current.state().withIndicators(Project.added(current.state().indicators(), indicator),
                current.state().indicatorReports()), new IndicatorDefined(id, indicator));
    }

    public Versioned<Project> changeIndicator(String id, long expectedVersion, String indicatorId, IndicatorDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().indicator(indicatorId).orElseThrow(() -> new NotFoundException("not-found.indicator", indicatorId));
        Indicator indicator = indicator(indicatorId, details);
        return commit(current, current.state().withIndicators(Project.replaced(current.state().indicators(),
                        existing -> existing.indicatorId().equals(indicatorId), indicator), current.state().indicatorReports()),
                new IndicatorChanged(id, indicator));
    }

    public Versioned<Project> reportIndicator(String id, long expectedVersion, String indicatorId,
                                              IndicatorReportDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().indicator(indicatorId).orElseThrow(() -> new NotFoundException("not-found.indicator", indicatorId));
        IndicatorReport report = new IndicatorReport(indicatorId, details.reportedOn(), details.value(), details.note(),
                actor.name());
        return commit(current, current.state().withIndicators(current.state().indicators(),
                        Project.added(current.state().indicatorReports(), report)),
                new IndicatorReported(id, indicatorId, details.reportedOn(), details.value()));
    }

    public Versioned<Project> recordActivity(String id, long expectedVersion, ActivityDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        Activity activity = activity(shortId("a"), details);
        return commit(current, current.state().withActivities(Project.added(current.state().activities(), activity)),
                new ActivityRecorded(id, activity));
    }

    public Versioned<Project> changeActivity(String id, long expectedVersion, String activityId, ActivityDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().activity(activityId).orElseThrow(() -> new NotFoundException("not-found.activity", activityId));
        Activity activity = activity(activityId, details);
        return commit(current, current.state().withActivities(Project.replaced(current.state().activities(),
                existing -> existing.activityId().equals(activityId), activity)), new ActivityChanged(id, activity));
    }

    public Versioned<Project> removeActivity(String id, long expectedVersion, String activityId) {
        Versioned<Project> current = current(id, expectedVersion);
        current.state().activity(activityId).orElseThrow(() -> new NotFoundException("not-found.activity", activityId));
        return commit(current, current.state().withActivities(Project.removed(current.state().activities(),
                activity -> activity.activityId().equals(activityId))), new ActivityRemoved(id, activityId));
    }

    public Versioned<Project> recordFinalReport(String id, long expectedVersion, FinalReport report) {
        Versioned<Project> current = current(id, expectedVersion);
        return commit(current, current.state().withFinalReport(report), new FinalReportRecorded(id, report.submittedOn()));
    }

    public Versioned<Project> judgeHealth(String id, long expectedVersion, HealthDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        LocalDate today = LocalDate.now(clock);
        return commit(current, current.state().withHealth(new Health(details.status(), details.note(), today,
                actor.name())), new ProjectHealthChanged(id, details.status().name(), today));
    }

    /** A step someone takes in the lifecycle; 409 when it is not allowed now. */
    public Versioned<Project> transition(String id, long expectedVersion, TransitionDetails details) {
        Versioned<Project> current = current(id, expectedVersion);
        ProjectLifecycle.check(current.state(), details.to());
        StatusChange change = new StatusChange(current.state().status(), details.to(), clock.instant(), actor.name(),
                details.reason(), details.decision() == null ? null : details.decision().reference());
        return commit(current, current.state().movedTo(change),
                new ProjectStatusChanged(id, change.from().name(), change.to().name(), change.decision()));
    }

    /** A contact person was removed from the directory: no project names them any more. */
    public void dropContactPerson(String contactPersonId) {
        Query naming = Query.query(Criteria.where("state.description.contactPersonIds").is(contactPersonId));
        for (Versioned<Project> project : projects.find(naming)) {
            retrying(project.id(), current -> {
                ProjectDescription without = current.state().description().withoutContactPerson(contactPersonId);
                return commit(current, current.state().describedAs(without), updated(current.id(), without));
            });
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

    private Versioned<Project> commit(Versioned<Project> current, Project changed, Object event) {
        Project project = assessed(changed);
        Assessment before = current.state().assessment();
        return Objects.equals(before, project.assessment())
                ? projects.update(current, project, event)
                : projects.update(current, project, event, assessedEvent(current.id(), project.assessment()));
    }

    private Project assessed(Project project) {
        ProjectDescription d = project.description();
        List<String> partnerIds = project.partners().stream().map(Partner::organisationId).toList();
        PriorityAssessment.Facts facts = new PriorityAssessment.Facts(d.ownerOrganisationId(), partnerIds,
                d.mutualInterest(), project.indicators(), d.growthAreas());
        return project.withAssessment(assessment.assess(facts, directory.organisations(
                Stream.concat(Stream.of(d.ownerOrganisationId()), partnerIds.stream()).toList())));
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

    private static String shortId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ProjectRegistered registered(String id, Project project) {
        return new ProjectRegistered(id, project.status().name(), published(project.description()));
    }

    private static ProjectUpdated updated(String id, ProjectDescription d) {
        return new ProjectUpdated(id, published(d));
    }

    /** A description as the project's events carry it: codes as text, the mutual interest left here. */
    private static se.samverka.project.contracts.ProjectDescription published(ProjectDescription d) {
        return new se.samverka.project.contracts.ProjectDescription(d.acronym(), d.title(), d.titleEn(), d.summary(),
                d.summaryEn(), d.registrationNumber(), d.ownerOrganisationId(), d.contactPersonIds(),
                d.visibility().name(), d.partnershipIds(), d.strategies(), d.actions(), d.growthAreas(),
                names(d.themes()), d.sdgs(), d.plannedStart(), d.plannedEnd(), d.actualStart(), d.actualEnd());
    }

    private static ProjectAssessed assessedEvent(String id, Assessment assessment) {
        List<AssessedCriterion> criteria = new ArrayList<>();
        assessment.criteria().forEach(c -> criteria.add(new AssessedCriterion(c.criterion(), c.points(), c.maxPoints(), c.met())));
        return new ProjectAssessed(id, assessment.score(), assessment.maxScore(), criteria);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
