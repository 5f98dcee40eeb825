package se.samverka.project.portfolio;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import se.samverka.project.assessment.Assessment;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.Indicator;

/**
 * A time-bound piece of international work: its description, where it stands, how it is doing, its partners, its
 * money, what it aims for and reaches, what it does with people, and how it serves the strategy's priorities.
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
        LocalDate activeUntil) {

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

    static Project registered(ProjectDescription description, StatusChange registration) {
        return new Project(description, registration.to(), registration.at(), List.of(registration), null, List.of(),
                List.of(), List.of(), List.of(), List.of(), null, null, null, null);
    }

    Project describedAs(ProjectDescription newDescription) {
        return new Project(newDescription, status, statusSince, history, health, partners, fundingLines, indicators,
                indicatorReports, activities, finalReport, assessment, null, null);
    }

    Project movedTo(StatusChange change) {
        return new Project(description, change.to(), change.at(), added(history, change), health, partners,
                fundingLines, indicators, indicatorReports, activities, finalReport, assessment, null, null);
    }

    Project withHealth(Health newHealth) {
        return new Project(description, status, statusSince, history, newHealth, partners, fundingLines, indicators,
                indicatorReports, activities, finalReport, assessment, null, null);
    }

    Project withPartners(List<Partner> newPartners) {
        return new Project(description, status, statusSince, history, health, newPartners, fundingLines, indicators,
                indicatorReports, activities, finalReport, assessment, null, null);
    }

    Project withFundingLines(List<FundingLine> lines) {
        return new Project(description, status, statusSince, history, health, partners, lines, indicators,
                indicatorReports, activities, finalReport, assessment, null, null);
    }

    Project withIndicators(List<Indicator> newIndicators, List<IndicatorReport> reports) {
        return new Project(description, status, statusSince, history, health, partners, fundingLines, newIndicators,
                reports, activities, finalReport, assessment, null, null);
    }

    Project withActivities(List<Activity> newActivities) {
        return new Project(description, status, statusSince, history, health, partners, fundingLines, indicators,
                indicatorReports, newActivities, finalReport, assessment, null, null);
    }

    Project withFinalReport(FinalReport report) {
        return new Project(description, status, statusSince, history, health, partners, fundingLines, indicators,
                indicatorReports, activities, report, assessment, null, null);
    }

    public Project withAssessment(Assessment newAssessment) {
        return new Project(description, status, statusSince, history, health, partners, fundingLines, indicators,
                indicatorReports, activities, finalReport, newAssessment, null, null);
    }

    Optional<Partner> partner(String organisationId) {
        return partners.stream().filter(partner -> partner.organisationId().equals(organisationId)).findFirst();
    }

    Optional<FundingLine> fundingLine(String id) {
        return fundingLines.stream().filter(line -> line.fundingLineId().equals(id)).findFirst();
    }

    Optional<Indicator> indicator(String id) {
        return indicators.stream().filter(indicator -> indicator.indicatorId().equals(id)).findFirst();
    }

    Optional<Activity> activity(String id) {
        return activities.stream().filter(activity -> activity.activityId().equals(id)).findFirst();
    }

    static <T> List<T> added(List<T> list, T item) {
        List<T> all = new ArrayList<>(list);
        all.add(item);
        return all;
    }

    static <T> List<T> replaced(List<T> list, Predicate<T> which, T item) {
        return list.stream().map(existing -> which.test(existing) ? item : existing).toList();
    }

    static <T> List<T> removed(List<T> list, Predicate<T> which) {
        return list.stream().filter(which.negate()).toList();
    }
}
