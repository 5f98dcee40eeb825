package se.samverka.reporting.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.partnership.contracts.PartnershipAgreementRecorded;
import se.samverka.partnership.contracts.PartnershipDecisionRecorded;
import se.samverka.partnership.contracts.PartnershipPartyAdded;
import se.samverka.partnership.contracts.PartnershipPartyRemoved;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.ActivityChanged;
import se.samverka.project.contracts.ActivityRecorded;
import se.samverka.project.contracts.ActivityRemoved;
import se.samverka.project.contracts.FinalReportRecorded;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.FundingLineRemoved;
import se.samverka.project.contracts.IndicatorChanged;
import se.samverka.project.contracts.IndicatorDefined;
import se.samverka.project.contracts.IndicatorReported;
import se.samverka.project.contracts.ProjectAssessed;
import se.samverka.project.contracts.ProjectDescription;
import se.samverka.project.contracts.ProjectHealthChanged;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectPartnerRemoved;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;
import se.samverka.reporting.readmodel.ProjectEntry.Description;
import se.samverka.reporting.readmodel.ProjectEntry.FundingEntry;
import se.samverka.reporting.readmodel.ProjectEntry.IndicatorEntry;
import se.samverka.reporting.readmodel.ProjectEntry.PartnerEntry;

/**
 * How each event changes the entry of its aggregate. Every change depends only on the entry and the event, never on
 * other aggregates, so that a rebuild (which reads the topics in another interleaving than the live consumers did)
 * builds the same entries.
 */
final class EntryProjections {

    private EntryProjections() {
    }

    static Projection<OrganisationEntry> organisations(ProjectionStore<OrganisationEntry> store) {
        return Projection.into(store)
                .on(OrganisationRegistered.class, (current, e, envelope) -> organisation(e.description()))
                .on(OrganisationUpdated.class, (current, e, envelope) -> organisation(e.description()))
                .build();
    }

    static Projection<PartnershipEntry> partnerships(ProjectionStore<PartnershipEntry> store) {
        return Projection.into(store)
                .on(PartnershipRegistered.class, (current, e, envelope) ->
                        PartnershipEntry.registered(e.description(), e.status(), parties(e), at(envelope)))
                .on(PartnershipUpdated.class, (current, e, envelope) ->
                        current.map(entry -> entry.describedAs(e.description(), at(envelope))).orElse(null))
                .on(PartnershipStatusChanged.class, (current, e, envelope) ->
                        current.map(entry -> entry.withStatus(e.to(), at(envelope))).orElse(null))
                .on(PartnershipPartyAdded.class, (current, e, envelope) -> current.map(entry -> entry.withParties(
                        replaced(entry.parties(), party -> party.organisationId().equals(e.organisationId()),
                                new Party(e.organisationId(), e.role())), at(envelope))).orElse(null))
                .on(PartnershipPartyRemoved.class, (current, e, envelope) -> current.map(entry -> entry.withParties(
                        entry.parties().stream().filter(party -> !party.organisationId().equals(e.organisationId()))
                                .toList(), at(envelope))).orElse(null))
                .on(PartnershipDecisionRecorded.class, (current, e, envelope) ->
                        current.map(entry -> entry.touched(at(envelope))).orElse(null))
                .on(PartnershipAgreementRecorded.class, (current, e, envelope) -> current.map(entry ->
                        entry.withAgreement(e.agreementType(), e.validTo(), at(envelope))).orElse(null))
                .build();
    }

    static Projection<ProjectEntry> projects(ProjectionStore<ProjectEntry> store, ZoneId zone) {
        return Projection.into(store)
                .on(ProjectRegistered.class, (current, e, envelope) ->
                        ProjectEntry.registered(description(e.description()), e.status(), at(envelope)))
                .on(ProjectUpdated.class, (current, e, envelope) -> current.map(entry ->
                        entry.describedAs(description(e.description()), at(envelope))).orElse(null))
                .on(ProjectStatusChanged.class, (current, e, envelope) ->
                        current.map(entry -> entry.withStatus(e.to(), at(envelope))).orElse(null))
                .on(ProjectHealthChanged.class, (current, e, envelope) ->
                        current.map(entry -> entry.withHealth(e.health(), at(envelope))).orElse(null))
                .on(ProjectPartnerAdded.class, (current, e, envelope) -> current.map(entry -> entry.withPartners(
                        replaced(entry.partners(), partner -> partner.organisationId().equals(e.organisationId()),
                                new PartnerEntry(e.organisationId(), e.role())), at(envelope))).orElse(null))
                .on(ProjectPartnerRemoved.class, (current, e, envelope) -> current.map(entry -> entry.withPartners(
                        entry.partners().stream().filter(partner -> !partner.organisationId().equals(e.organisationId()))
                                .toList(), at(envelope))).orElse(null))
                .on(FundingLineAdded.class, (current, e, envelope) -> current.map(entry -> entry.withFunding(
                        replaced(entry.funding(), funding -> funding.line().fundingLineId()
                                .equals(e.fundingLine().fundingLineId()), new FundingEntry(e.fundingLine(),
                                day(envelope, zone))), at(envelope))).orElse(null))
                .on(FundingLineChanged.class, (current, e, envelope) -> current.map(entry -> entry.withFunding(
                        replaced(entry.funding(), funding -> funding.line().fundingLineId()
                                .equals(e.fundingLine().fundingLineId()), new FundingEntry(e.fundingLine(),
                                recordedOn(entry, e.fundingLine().fundingLineId()).orElse(day(envelope, zone)))),
                        at(envelope))).orElse(null))
                .on(FundingLineRemoved.class, (current, e, envelope) -> current.map(entry -> entry.withFunding(
                        entry.funding().stream().filter(funding -> !funding.line().fundingLineId()
                                .equals(e.fundingLineId())).toList(), at(envelope))).orElse(null))
                .on(IndicatorDefined.class, (current, e, envelope) -> current.map(entry -> indicator(entry,
                        e.indicator(), envelope)).orElse(null))
                .on(IndicatorChanged.class, (current, e, envelope) -> current.map(entry -> indicator(entry,
                        e.indicator(), envelope)).orElse(null))
                .on(IndicatorReported.class, (current, e, envelope) -> current.map(entry -> reported(entry, e,
                        envelope)).orElse(null))
                .on(ActivityRecorded.class, (current, e, envelope) -> current.map(entry ->
                        activity(entry, e.activity(), envelope)).orElse(null))
                .on(ActivityChanged.class, (current, e, envelope) -> current.map(entry ->
                        activity(entry, e.activity(), envelope)).orElse(null))
                .on(ActivityRemoved.class, (current, e, envelope) -> current.map(entry -> entry.withActivities(
                        entry.activities().stream().filter(activity -> !activity.activityId().equals(e.activityId()))
                                .toList(), at(envelope))).orElse(null))
                .on(FinalReportRecorded.class, (current, e, envelope) ->
                        current.map(entry -> entry.withFinalReport(e.submittedOn(), at(envelope))).orElse(null))
                .on(ProjectAssessed.class, (current, e, envelope) ->
                        current.map(entry -> entry.withAssessment(e.score(), e.criteria(), at(envelope))).orElse(null))
                .build();
    }

    private static OrganisationEntry organisation(OrganisationDescription d) {
        return new OrganisationEntry(d.name(), d.nameEn(), d.type(), d.sector(), d.country(), d.region(),
                d.parentOrganisationId(), d.takesPart());
    }

    /** What the reports keep of a project's description: neither its summaries nor its contact persons. */
    private static Description description(ProjectDescription d) {
        return new Description(d.acronym(), d.title(), d.titleEn(), d.registrationNumber(), d.ownerOrganisationId(),
                d.visibility(), d.partnershipIds(), d.strategies(), d.actions(), d.growthAreas(), d.themes(), d.sdgs(),
                d.plannedStart(), d.plannedEnd(), d.actualStart(), d.actualEnd());
    }

    /** Parties with their roles; events from before roles name the organisations only. */
    private static List<Party> parties(PartnershipRegistered e) {
        return e.parties().isEmpty()
                ? e.partyOrganisationIds().stream().map(id -> new Party(id, "PARTNER")).toList()
                : e.parties();
    }

    private static Optional<LocalDate> recordedOn(ProjectEntry entry, String fundingLineId) {
        return entry.funding().stream().filter(funding -> funding.line().fundingLineId().equals(fundingLineId))
                .map(FundingEntry::recordedOn).findFirst();
    }

    /** A new or changed definition keeps the indicator's reported values. */
    private static ProjectEntry indicator(ProjectEntry entry, se.samverka.project.contracts.Indicator indicator,
                                          EventEnvelope envelope) {
        Optional<IndicatorEntry> before = entry.indicators().stream()
                .filter(existing -> existing.indicatorId().equals(indicator.indicatorId())).findFirst();
        IndicatorEntry changed = IndicatorEntry.of(indicator, before.map(IndicatorEntry::latest).orElse(null),
                before.map(IndicatorEntry::latestOn).orElse(null));
        return entry.withIndicators(replaced(entry.indicators(),
                existing -> existing.indicatorId().equals(indicator.indicatorId()), changed), at(envelope));
    }

    /** The latest value is that of the latest report date; a report of an earlier date is history, not news. */
    private static ProjectEntry reported(ProjectEntry entry, IndicatorReported e, EventEnvelope envelope) {
        List<IndicatorEntry> indicators = entry.indicators().stream().map(indicator -> {
            boolean newer = indicator.latestOn() == null || !e.reportedOn().isBefore(indicator.latestOn());
            return indicator.indicatorId().equals(e.indicatorId()) && newer
                    ? new IndicatorEntry(indicator.indicatorId(), indicator.kind(), indicator.name(), indicator.unit(),
                            indicator.baseline(), indicator.target(), e.value(), e.reportedOn())
                    : indicator;
        }).toList();
        return entry.withIndicators(indicators, at(envelope));
    }

    private static ProjectEntry activity(ProjectEntry entry, Activity activity, EventEnvelope envelope) {
        List<Activity> activities = Stream.concat(entry.activities().stream()
                        .filter(existing -> !existing.activityId().equals(activity.activityId())), Stream.of(activity))
                .sorted(Comparator.comparing(Activity::heldOn).thenComparing(Activity::activityId))
                .toList();
        return entry.withActivities(activities, at(envelope));
    }

    /** The list with the first value {@code which} picks replaced, or with the value added at the end. */
    private static <T> List<T> replaced(List<T> values, Predicate<T> which, T replacement) {
        List<T> result = new ArrayList<>(values);
        for (int i = 0; i < result.size(); i++) {
            if (which.test(result.get(i))) {
                result.set(i, replacement);
                return result;
            }
        }
        result.add(replacement);
        return result;
    }

    private static Instant at(EventEnvelope envelope) {
        return envelope.time().toInstant();
    }

    private static LocalDate day(EventEnvelope envelope, ZoneId zone) {
        return envelope.time().atZoneSameInstant(zone).toLocalDate();
    }
}
