package se.samverka.reporting.readmodel;

import static se.samverka.reporting.readmodel.Lists.orEmpty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.AssessedCriterion;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.contracts.ProjectDescription;

/**
 * A project as the reports know it, from its own events only: what other aggregates say of it (the names and
 * countries of its organisations) is joined when a report is asked for, so the entry is the same whatever order the
 * topics were read in.
 *
 * @param health        ON_TRACK, AT_RISK or OFF_TRACK; null until judged
 * @param score         the priority assessment's score; null until assessed
 * @param finalReportOn when the final report was submitted
 * @param statusSince   when it got its present status
 * @param lastChangedAt when its latest event happened
 */
public record ProjectEntry(
        ProjectDescription description,
        String status,
        String health,
        List<PartnerEntry> partners,
        List<FundingEntry> funding,
        List<IndicatorEntry> indicators,
        List<Activity> activities,
        Double score,
        List<AssessedCriterion> criteria,
        LocalDate finalReportOn,
        Instant registeredAt,
        Instant statusSince,
        Instant lastChangedAt) {

    /** Statuses of a project that is over, one way or another. */
    public static final Set<String> ENDED = Set.of("CLOSED", "REJECTED", "WITHDRAWN", "CANCELLED");
    /** Statuses of a project that is being carried out. */
    public static final Set<String> RUNNING = Set.of("APPROVED", "ONGOING", "SUSPENDED", "FINAL_REPORTED");

    public ProjectEntry {
        partners = List.copyOf(partners);
        funding = List.copyOf(funding);
        indicators = List.copyOf(indicators);
        activities = List.copyOf(activities);
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public record PartnerEntry(String organisationId, String role) {
    }

    /**
     * @param recordedOn the day the line was first recorded, which dates an application not yet decided
     */
    public record FundingEntry(FundingLine line, LocalDate recordedOn) {

        /** The year the money counts in: that of the funder's decision, or while undecided, that of the application. */
        public int year() {
            return (line.decidedOn() != null ? line.decidedOn() : recordedOn).getYear();
        }
    }

    /**
     * @param latest   the value of the most recent report (by its date), null before the first
     * @param latestOn the date of that report
     */
    public record IndicatorEntry(
            String indicatorId,
            String kind,
            String name,
            String unit,
            BigDecimal baseline,
            BigDecimal target,
            BigDecimal latest,
            LocalDate latestOn) {

        static IndicatorEntry of(Indicator indicator, BigDecimal latest, LocalDate latestOn) {
            return new IndicatorEntry(indicator.indicatorId(), indicator.kind(), indicator.name(), indicator.unit(),
                    indicator.baseline(), indicator.target(), latest, latestOn);
        }
    }

    static ProjectEntry registered(ProjectDescription description, String status, Instant at) {
        return new ProjectEntry(kept(description), status, null, List.of(), List.of(), List.of(), List.of(), null,
                List.of(), null, at, at, at);
    }

    ProjectEntry describedAs(ProjectDescription newDescription, Instant at) {
        return new ProjectEntry(kept(newDescription), status, health, partners, funding, indicators, activities, score,
                criteria, finalReportOn, registeredAt, statusSince, at);
    }

    ProjectEntry withStatus(String newStatus, Instant at) {
        return new ProjectEntry(description, newStatus, health, partners, funding, indicators, activities, score,
                criteria, finalReportOn, registeredAt, at, at);
    }

    ProjectEntry withHealth(String newHealth, Instant at) {
        return new ProjectEntry(description, status, newHealth, partners, funding, indicators, activities, score,
                criteria, finalReportOn, registeredAt, statusSince, at);
    }

    ProjectEntry withPartners(List<PartnerEntry> newPartners, Instant at) {
        return new ProjectEntry(description, status, health, newPartners, funding, indicators, activities, score,
                criteria, finalReportOn, registeredAt, statusSince, at);
    }

    ProjectEntry withFunding(List<FundingEntry> newFunding, Instant at) {
        return new ProjectEntry(description, status, health, partners, newFunding, indicators, activities, score,
                criteria, finalReportOn, registeredAt, statusSince, at);
    }

    ProjectEntry withIndicators(List<IndicatorEntry> newIndicators, Instant at) {
        return new ProjectEntry(description, status, health, partners, funding, newIndicators, activities, score,
                criteria, finalReportOn, registeredAt, statusSince, at);
    }

    ProjectEntry withActivities(List<Activity> newActivities, Instant at) {
        return new ProjectEntry(description, status, health, partners, funding, indicators, newActivities, score,
                criteria, finalReportOn, registeredAt, statusSince, at);
    }

    ProjectEntry withAssessment(double newScore, List<AssessedCriterion> newCriteria, Instant at) {
        return new ProjectEntry(description, status, health, partners, funding, indicators, activities, newScore,
                newCriteria, finalReportOn, registeredAt, statusSince, at);
    }

    ProjectEntry withFinalReport(LocalDate submittedOn, Instant at) {
        return new ProjectEntry(description, status, health, partners, funding, indicators, activities, score,
                criteria, submittedOn, registeredAt, statusSince, at);
    }

    ProjectEntry touched(Instant at) {
        return new ProjectEntry(description, status, health, partners, funding, indicators, activities, score,
                criteria, finalReportOn, registeredAt, statusSince, at);
    }

    /** When it runs from: its actual start, else its planned one; null if neither is known. */
    public LocalDate activeFrom() {
        return description.actualStart() != null ? description.actualStart() : description.plannedStart();
    }

    /** When it runs until: its actual end, else its planned one; null while open-ended. */
    public LocalDate activeUntil() {
        return description.actualEnd() != null ? description.actualEnd() : description.plannedEnd();
    }

    /** Whether it runs some time in the year, as project-service's {@code year} filter has it. */
    public boolean runsIn(int year) {
        LocalDate from = activeFrom();
        LocalDate until = activeUntil();
        return from != null && from.getYear() <= year && (until == null || until.getYear() >= year);
    }

    /** Not over: from the idea until it is closed, rejected, withdrawn or cancelled. */
    public boolean isOpen() {
        return !ENDED.contains(status);
    }

    /** The owner and every partner. */
    public List<String> organisationIds() {
        return Stream.concat(Stream.of(description.ownerOrganisationId()),
                partners.stream().map(PartnerEntry::organisationId)).distinct().toList();
    }

    /**
     * What the reports keep of a description: neither its summaries nor its contact persons; the lists that
     * registrations published before them lack, as empty lists.
     */
    private static ProjectDescription kept(ProjectDescription d) {
        return new ProjectDescription(d.acronym(), d.title(), d.titleEn(), null, null, d.registrationNumber(),
                d.ownerOrganisationId(), null, d.visibility(), orEmpty(d.partnershipIds()), orEmpty(d.strategies()),
                orEmpty(d.actions()), orEmpty(d.growthAreas()), orEmpty(d.themes()), orEmpty(d.sdgs()),
                d.plannedStart(), d.plannedEnd(), d.actualStart(), d.actualEnd());
    }
}
