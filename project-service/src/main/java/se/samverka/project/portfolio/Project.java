package se.samverka.project.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.messaging.personaldata.StaffNaming;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.project.assessment.Assessment;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.ActivityChanged;
import se.samverka.project.contracts.ActivityRecorded;
import se.samverka.project.contracts.ActivityRemoved;
import se.samverka.project.contracts.DecisionReference;
import se.samverka.project.contracts.FinalReportRecorded;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.FundingLineRemoved;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.contracts.IndicatorChanged;
import se.samverka.project.contracts.IndicatorDefined;
import se.samverka.project.contracts.IndicatorReported;
import se.samverka.project.contracts.ProjectHealthChanged;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectPartnerRemoved;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStaffNamesErased;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;

/**
 * A time-bound piece of international work: its description, where it stands, how it is doing, its partners, its
 * money, what it aims for and reaches, what it does with people, and how it serves the strategy's priorities.
 * Each command gives back a {@link Change}: the project after it and the events that announce it, which the project
 * makes itself so that no one else needs to know their shape. Commands take the project's id because the store keys
 * the state by it rather than holding it inside.
 *
 * @param activeFrom  when it runs from: its actual start, else its planned one (derived, for finding it by year)
 * @param activeUntil when it runs until: its actual end, else its planned one; absent while open-ended
 * @param assessment  the priority assessment, re-computed on every change
 */
public record Project(
        ProjectDescription description,
        ProjectStatus status,
        Instant statusSince,
        List<StatusChange> history,
        Health health,
        List<Partner> partners,
        List<FundingLine> fundingLines,
        List<Indicator> indicators,
        List<IndicatorReport> indicatorReports,
        List<Activity> activities,
        FinalReport finalReport,
        Assessment assessment,
        LocalDate activeFrom,
        LocalDate activeUntil) implements StaffNaming<Project> {

    /** What a person's access request calls a project. */
    static final String AGGREGATE = "project";

    public Project {
        history = List.copyOf(history);
        partners = List.copyOf(partners);
        fundingLines = List.copyOf(fundingLines);
        indicators = List.copyOf(indicators);
        indicatorReports = List.copyOf(indicatorReports);
        activities = List.copyOf(activities);
        activeFrom = description.actualStart() != null ? description.actualStart() : description.plannedStart();
        activeUntil = description.actualEnd() != null ? description.actualEnd() : description.plannedEnd();
    }

    /** A new project in the portfolio: it starts as an idea, registered by {@code by} at {@code at}. */
    static Change<Project> register(String projectId, ProjectDescription description, Instant at, StaffMember by) {
        StatusChange registration = new StatusChange(null, ProjectStatus.IDEA, at, by.name(), by.subject(),
                "Registered", null);
        Project project = new Project(description, registration.to(), registration.at(), List.of(registration), null,
                List.of(), List.of(), List.of(), List.of(), List.of(), null, null, null, null);
        return Change.of(project, new ProjectRegistered(projectId, project.status().name(), description.published()));
    }

    /** Announced even when nothing in it differs: the update carries the whole description as it is now. */
    Change<Project> describe(String projectId, ProjectDescription newDescription) {
        return Change.of(new Project(newDescription, status, statusSince, history, health, partners, fundingLines,
                        indicators, indicatorReports, activities, finalReport, assessment, null, null),
                new ProjectUpdated(projectId, newDescription.published()));
    }

    /** The contact person left the directory: the description no longer names them. */
    Change<Project> dropContactPerson(String projectId, String contactPersonId) {
        return describe(projectId, description.withoutContactPerson(contactPersonId));
    }

    /** @throws IllegalTransitionException when the step is not allowed now or its condition is not met (409) */
    Change<Project> transition(String projectId, ProjectStatus to, Instant at, StaffMember by, String reason,
                               DecisionReference decision) {
        ProjectLifecycle.check(this, to);
        StatusChange step = new StatusChange(status, to, at, by.name(), by.subject(), reason, decision);
        return Change.of(new Project(description, step.to(), step.at(), added(history, step), health, partners,
                        fundingLines, indicators, indicatorReports, activities, finalReport, assessment, null, null),
                new ProjectStatusChanged(projectId, step.from().name(), step.to().name(), step.decision()));
    }

    Change<Project> judgeHealth(String projectId, Health newHealth) {
        return Change.of(new Project(description, status, statusSince, history, newHealth, partners, fundingLines,
                        indicators, indicatorReports, activities, finalReport, assessment, null, null),
                new ProjectHealthChanged(projectId, newHealth.status().name(), newHealth.assessedOn()));
    }

    Change<Project> addPartner(String projectId, Partner partner) {
        return Change.of(withPartners(added(partners, partner)),
                new ProjectPartnerAdded(projectId, partner.organisationId(), partner.role().name()));
    }

    Change<Project> removePartner(String projectId, String organisationId) {
        requirePartner(organisationId);
        return Change.of(withPartners(removed(partners, partner -> partner.organisationId().equals(organisationId))),
                new ProjectPartnerRemoved(projectId, organisationId));
    }

    Change<Project> addFundingLine(String projectId, FundingLine line) {
        return Change.of(withFundingLines(added(fundingLines, line)), new FundingLineAdded(projectId, line));
    }

    Change<Project> changeFundingLine(String projectId, FundingLine line) {
        requireFundingLine(line.fundingLineId());
        return Change.of(withFundingLines(replaced(fundingLines,
                existing -> existing.fundingLineId().equals(line.fundingLineId()), line)),
                new FundingLineChanged(projectId, line));
    }

    Change<Project> removeFundingLine(String projectId, String fundingLineId) {
        requireFundingLine(fundingLineId);
        return Change.of(withFundingLines(removed(fundingLines, line -> line.fundingLineId().equals(fundingLineId))),
                new FundingLineRemoved(projectId, fundingLineId));
    }

    Change<Project> defineIndicator(String projectId, Indicator indicator) {
        return Change.of(withIndicators(added(indicators, indicator), indicatorReports),
                new IndicatorDefined(projectId, indicator));
    }

    Change<Project> changeIndicator(String projectId, Indicator indicator) {
        requireIndicator(indicator.indicatorId());
        return Change.of(withIndicators(replaced(indicators,
                        existing -> existing.indicatorId().equals(indicator.indicatorId()), indicator), indicatorReports),
                new IndicatorChanged(projectId, indicator));
    }

    Change<Project> reportIndicator(String projectId, IndicatorReport report) {
        requireIndicator(report.indicatorId());
        return Change.of(withIndicators(indicators, added(indicatorReports, report)),
                new IndicatorReported(projectId, report.indicatorId(), report.reportedOn(), report.value()));
    }

    Change<Project> recordActivity(String projectId, Activity activity) {
        return Change.of(withActivities(added(activities, activity)), new ActivityRecorded(projectId, activity));
    }

    Change<Project> changeActivity(String projectId, Activity activity) {
        requireActivity(activity.activityId());
        return Change.of(withActivities(replaced(activities,
                existing -> existing.activityId().equals(activity.activityId()), activity)),
                new ActivityChanged(projectId, activity));
    }

    Change<Project> removeActivity(String projectId, String activityId) {
        requireActivity(activityId);
        return Change.of(withActivities(removed(activities, activity -> activity.activityId().equals(activityId))),
                new ActivityRemoved(projectId, activityId));
    }

    Change<Project> recordFinalReport(String projectId, FinalReport report) {
        return Change.of(new Project(description, status, statusSince, history, health, partners, fundingLines,
                        indicators, indicatorReports, activities, report, assessment, null, null),
                new FinalReportRecorded(projectId, report.submittedOn()));
    }

    /** The priority assessment as re-computed after a change; announced only when it differs from the last one. */
    Change<Project> assess(String projectId, Assessment newAssessment) {
        Project assessed = new Project(description, status, statusSince, history, health, partners, fundingLines,
                indicators, indicatorReports, activities, finalReport, newAssessment, null, null);
        return Objects.equals(assessment, newAssessment)
                ? Change.of(assessed)
                : Change.of(assessed, newAssessment.published(projectId));
    }

    /** The steps the person took, their judgement of its health, the values they reported. */
    @Override
    public List<StaffEntry> entriesNaming(String projectId, StaffMember person) {
        String title = description.title();
        List<StaffEntry> entries = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StatusChange step = history.get(i);
            if (step.takenBy(person)) {
                entries.add(new StaffEntry(AGGREGATE, projectId, title, "history[" + i + "].by", step.at(), null,
                        step.what()));
            }
        }
        if (health != null && health.assessedBy(person)) {
            entries.add(new StaffEntry(AGGREGATE, projectId, title, "health.assessedBy", null, health.assessedOn(),
                    "Judged the project's health " + health.status()));
        }
        for (int i = 0; i < indicatorReports.size(); i++) {
            IndicatorReport report = indicatorReports.get(i);
            if (report.reportedBy(person)) {
                entries.add(new StaffEntry(AGGREGATE, projectId, title, "indicatorReports[" + i + "].reportedBy", null,
                        report.reportedOn(), "Reported " + report.value() + " for indicator " + report.indicatorId()));
            }
        }
        return entries;
    }

    @Override
    public Optional<Change<Project>> withStaffErased(String projectId, StaffMember person, String replacement) {
        if (entriesNaming(projectId, person).isEmpty()) {
            return Optional.empty();
        }
        List<StatusChange> steps = history.stream()
                .map(step -> step.takenBy(person) ? step.takenBy(replacement) : step)
                .toList();
        Health judged = health != null && health.assessedBy(person) ? health.assessedBy(replacement) : health;
        List<IndicatorReport> reports = indicatorReports.stream()
                .map(report -> report.reportedBy(person) ? report.reportedBy(replacement) : report)
                .toList();
        return Optional.of(Change.of(new Project(description, status, statusSince, steps, judged, partners,
                fundingLines, indicators, reports, activities, finalReport, assessment, null, null),
                new ProjectStaffNamesErased(projectId)));
    }

    /** @throws NotFoundException when the organisation is not one of its partners (404) */
    void requirePartner(String organisationId) {
        if (partners.stream().noneMatch(partner -> partner.organisationId().equals(organisationId))) {
            throw new NotFoundException("not-found.partner", organisationId);
        }
    }

    /** @throws NotFoundException when it has no such funding line (404) */
    void requireFundingLine(String fundingLineId) {
        if (fundingLines.stream().noneMatch(line -> line.fundingLineId().equals(fundingLineId))) {
            throw new NotFoundException("not-found.funding-line", fundingLineId);
        }
    }

    /** @throws NotFoundException when it has no such indicator (404) */
    void requireIndicator(String indicatorId) {
        if (indicators.stream().noneMatch(indicator -> indicator.indicatorId().equals(indicatorId))) {
            throw new NotFoundException("not-found.indicator", indicatorId);
        }
    }

    /** @throws NotFoundException when it has no such activity (404) */
    void requireActivity(String activityId) {
        if (activities.stream().noneMatch(activity -> activity.activityId().equals(activityId))) {
            throw new NotFoundException("not-found.activity", activityId);
        }
    }

    private Project withPartners(List<Partner> newPartners) {
        return new Project(description, status, statusSince, history, health, newPartners, fundingLines, indicators,
                indicatorReports, activities, finalReport, assessment, null, null);
    }

    private Project withFundingLines(List<FundingLine> lines) {
        return new Project(description, status, statusSince, history, health, partners, lines, indicators,
                indicatorReports, activities, finalReport, assessment, null, null);
    }

    private Project withIndicators(List<Indicator> newIndicators, List<IndicatorReport> reports) {
        return new Project(description, status, statusSince, history, health, partners, fundingLines, newIndicators,
                reports, activities, finalReport, assessment, null, null);
    }

    private Project withActivities(List<Activity> newActivities) {
        return new Project(description, status, statusSince, history, health, partners, fundingLines, indicators,
                indicatorReports, newActivities, finalReport, assessment, null, null);
    }

    private static <T> List<T> added(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    private static <T> List<T> replaced(List<T> list, Predicate<T> which, T item) {
        return list.stream().map(existing -> which.test(existing) ? item : existing).toList();
    }

    private static <T> List<T> removed(List<T> list, Predicate<T> which) {
        return list.stream().filter(which.negate()).toList();
    }
}
