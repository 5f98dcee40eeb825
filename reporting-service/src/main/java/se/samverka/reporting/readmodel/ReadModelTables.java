package se.samverka.reporting.readmodel;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import se.samverka.partnership.contracts.CallClosed;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallUpdated;
import se.samverka.partnership.contracts.CallWithdrawn;
import se.samverka.partnership.contracts.InterestClosed;
import se.samverka.partnership.contracts.InterestDescription;
import se.samverka.partnership.contracts.InterestStated;
import se.samverka.partnership.contracts.InterestUpdated;
import se.samverka.partnership.contracts.IntroductionAnswered;
import se.samverka.partnership.contracts.IntroductionOutcomeRecorded;
import se.samverka.partnership.contracts.IntroductionProposed;
import se.samverka.partnership.contracts.OrganisationRegistered;
import se.samverka.partnership.contracts.OrganisationUpdated;
import se.samverka.partnership.contracts.PartnershipAgreementRecorded;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.partnership.contracts.PartnershipDecisionRecorded;
import se.samverka.partnership.contracts.PartnershipPartyAdded;
import se.samverka.partnership.contracts.PartnershipPartyRemoved;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.Beside;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.ActivityChanged;
import se.samverka.project.contracts.ActivityRecorded;
import se.samverka.project.contracts.ActivityRemoved;
import se.samverka.project.contracts.FinalReportRecorded;
import se.samverka.project.contracts.FundingLine;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.FundingLineRemoved;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.contracts.IndicatorChanged;
import se.samverka.project.contracts.IndicatorDefined;
import se.samverka.project.contracts.IndicatorReported;
import se.samverka.project.contracts.ProjectAssessed;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.project.contracts.ProjectHealthChanged;
import se.samverka.project.contracts.ProjectPartnerAdded;
import se.samverka.project.contracts.ProjectPartnerRemoved;
import se.samverka.project.contracts.ProjectRegistered;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.project.contracts.ProjectUpdated;
import se.samverka.reporting.readmodel.ProjectEntry.FundingEntry;
import se.samverka.reporting.readmodel.ProjectEntry.IndicatorEntry;
import se.samverka.reporting.readmodel.ProjectEntry.PartnerEntry;

/**
 * Which projections each event type reaches, topic by topic: how it changes the entry of its aggregate and, if it is
 * news, what the activity feed tells of it.
 *
 * <p>Every change depends only on the entry and the event, never on other aggregates, so that a rebuild (which reads
 * the topics in another interleaving than the live consumers did) builds the same entries. For the same reason a feed
 * line copies no names of other aggregates in, only their ids. Descriptions that changed, re-assessments and contact
 * persons are not told: they are not news to the coordinator, and contact persons are personal data.
 */
final class ReadModelTables {

    private ReadModelTables() {
    }

    static TopicTable<OrganisationEntry> organisations(ProjectionStore<OrganisationEntry> store,
                                                       Beside<OrganisationEntry> beside) {
        return TopicTable.of(PartnershipContracts.ORGANISATIONS, store, entry -> entry.description().name(),
                        entry -> null)
                .on(OrganisationRegistered.class, (current, e, envelope) -> OrganisationEntry.of(e.description()),
                        (e, entry) -> details("organisationType", e.description().type(),
                                "country", e.description().country()))
                .on(OrganisationUpdated.class, (current, e, envelope) -> OrganisationEntry.of(e.description()))
                .keeping(beside)
                .build();
    }

    static TopicTable<PartnershipEntry> partnerships(ProjectionStore<PartnershipEntry> store) {
        return TopicTable.of(PartnershipContracts.PARTNERSHIPS, store, entry -> entry.description().name(),
                        entry -> entry.description().visibility())
                .on(PartnershipRegistered.class, (current, e, envelope) ->
                                PartnershipEntry.registered(e.description(), e.status(), parties(e), at(envelope)),
                        (e, entry) -> details("partnershipType", e.description().type()))
                .on(PartnershipUpdated.class, existing((entry, e, envelope) ->
                        entry.describedAs(e.description(), at(envelope))))
                .on(PartnershipStatusChanged.class, existing((entry, e, envelope) ->
                                entry.withStatus(e.to(), at(envelope))),
                        (e, entry) -> details("from", e.from(), "to", e.to(),
                                "automatic", String.valueOf(e.automatic())))
                .on(PartnershipPartyAdded.class, existing((entry, e, envelope) -> entry.withParties(
                                replaced(entry.parties(), party -> party.organisationId().equals(e.organisationId()),
                                        new Party(e.organisationId(), e.role())), at(envelope))),
                        (e, entry) -> details("organisationId", e.organisationId()))
                .on(PartnershipPartyRemoved.class, existing((entry, e, envelope) -> entry.withParties(
                        entry.parties().stream().filter(party -> !party.organisationId().equals(e.organisationId()))
                                .toList(), at(envelope))))
                .on(PartnershipDecisionRecorded.class, existing((entry, e, envelope) -> entry.touched(at(envelope))),
                        (e, entry) -> details("body", e.body(), "decidedOn", e.decidedOn().toString()))
                .on(PartnershipAgreementRecorded.class, existing((entry, e, envelope) ->
                                entry.withAgreement(e.agreementType(), e.validTo(), at(envelope))),
                        (e, entry) -> details("agreementType", e.agreementType()))
                .build();
    }

    static TopicTable<ProjectEntry> projects(ProjectionStore<ProjectEntry> store, Beside<ProjectEntry> beside,
                                             ZoneId zone) {
        return TopicTable.of(ProjectContracts.PROJECTS, store, entry -> entry.description().title(),
                        entry -> entry.description().visibility())
                .on(ProjectRegistered.class, (current, e, envelope) ->
                                ProjectEntry.registered(e.description(), e.status(), at(envelope)),
                        (e, entry) -> details("status", e.status()))
                .on(ProjectUpdated.class, existing((entry, e, envelope) ->
                        entry.describedAs(e.description(), at(envelope))))
                .on(ProjectStatusChanged.class, existing((entry, e, envelope) ->
                                entry.withStatus(e.to(), at(envelope))),
                        (e, entry) -> details("from", e.from(), "to", e.to()))
                .on(ProjectHealthChanged.class, existing((entry, e, envelope) ->
                                entry.withHealth(e.health(), at(envelope))),
                        (e, entry) -> details("health", e.health()))
                .on(ProjectPartnerAdded.class, existing((entry, e, envelope) -> entry.withPartners(
                                replaced(entry.partners(),
                                        partner -> partner.organisationId().equals(e.organisationId()),
                                        new PartnerEntry(e.organisationId(), e.role())), at(envelope))),
                        (e, entry) -> details("organisationId", e.organisationId(), "role", e.role()))
                .on(ProjectPartnerRemoved.class, existing((entry, e, envelope) -> entry.withPartners(
                        entry.partners().stream()
                                .filter(partner -> !partner.organisationId().equals(e.organisationId()))
                                .toList(), at(envelope))))
                .on(FundingLineAdded.class, existing((entry, e, envelope) ->
                                funding(entry, e.fundingLine(), day(envelope, zone), envelope)),
                        (e, entry) -> details("programme", e.fundingLine().programme()))
                .on(FundingLineChanged.class, existing((entry, e, envelope) -> funding(entry, e.fundingLine(),
                                recordedOn(entry, e.fundingLine().fundingLineId()).orElse(day(envelope, zone)),
                                envelope)),
                        (e, entry) -> details("programme", e.fundingLine().programme()))
                .on(FundingLineRemoved.class, existing((entry, e, envelope) -> entry.withFunding(
                        entry.funding().stream().filter(funding -> !funding.line().fundingLineId()
                                .equals(e.fundingLineId())).toList(), at(envelope))))
                .on(IndicatorDefined.class, existing((entry, e, envelope) ->
                        indicator(entry, e.indicator(), envelope)))
                .on(IndicatorChanged.class, existing((entry, e, envelope) ->
                        indicator(entry, e.indicator(), envelope)))
                .on(IndicatorReported.class, existing(ReadModelTables::reported), ReadModelTables::reportedValue)
                .on(ActivityRecorded.class, existing((entry, e, envelope) -> activity(entry, e.activity(), envelope)),
                        (e, entry) -> details("activityType", e.activity().type(), "activity", e.activity().title(),
                                "heldOn", e.activity().heldOn().toString()))
                .on(ActivityChanged.class, existing((entry, e, envelope) -> activity(entry, e.activity(), envelope)))
                .on(ActivityRemoved.class, existing((entry, e, envelope) -> entry.withActivities(
                        entry.activities().stream().filter(activity -> !activity.activityId().equals(e.activityId()))
                                .toList(), at(envelope))))
                .on(FinalReportRecorded.class, existing((entry, e, envelope) ->
                                entry.withFinalReport(e.submittedOn(), at(envelope))),
                        (e, entry) -> details("submittedOn", e.submittedOn().toString()))
                .on(ProjectAssessed.class, existing((entry, e, envelope) ->
                        entry.withAssessment(e.score(), e.criteria(), at(envelope))))
                .keeping(beside)
                .build();
    }

    /**
     * The broker's funding calls, interests and introductions: what the broker's report counts. Their events are not
     * told in the feed (the broker's own pages show them).
     */
    static TopicTable<CallEntry> calls(ProjectionStore<CallEntry> store, ZoneId zone) {
        return TopicTable.of(PartnershipContracts.CALLS, store, CallEntry::name, CallEntry::visibility)
                .on(CallPublished.class, (current, e, envelope) ->
                        CallEntry.published(e.description(), day(envelope, zone), at(envelope)))
                .on(CallUpdated.class, existing((entry, e, envelope) ->
                        entry.describedAs(e.description(), at(envelope))))
                .on(CallClosed.class, existing((entry, e, envelope) -> entry.withStatus("CLOSED", at(envelope))))
                .on(CallWithdrawn.class, existing((entry, e, envelope) ->
                        entry.withStatus(CallEntry.WITHDRAWN, at(envelope))))
                .build();
    }

    static TopicTable<InterestEntry> interests(ProjectionStore<InterestEntry> store, ZoneId zone) {
        return TopicTable.of(PartnershipContracts.INTERESTS, store, InterestEntry::direction,
                        InterestEntry::visibility)
                .on(InterestStated.class, (current, e, envelope) -> {
                    InterestDescription d = e.description();
                    return new InterestEntry(d.organisationId(), d.direction(), d.visibility(), d.validUntil(),
                            InterestEntry.OPEN, day(envelope, zone), null);
                })
                .on(InterestUpdated.class, existing((entry, e, envelope) -> entry.describedAs(
                        e.description().organisationId(), e.description().direction(), e.description().visibility(),
                        e.description().validUntil())))
                .on(InterestClosed.class, existing((entry, e, envelope) ->
                        entry.closed(e.reason(), day(envelope, zone))))
                .build();
    }

    static TopicTable<IntroductionEntry> introductions(ProjectionStore<IntroductionEntry> store, ZoneId zone) {
        return TopicTable.of(PartnershipContracts.INTRODUCTIONS, store, IntroductionEntry::counterpartKind,
                        entry -> null)
                .on(IntroductionProposed.class, (current, e, envelope) -> new IntroductionEntry(e.interestId(),
                        e.organisationId(), e.counterpartKind(), e.counterpartOrganisationId(), e.partnershipId(),
                        "PROPOSED", day(envelope, zone), List.of()))
                .on(IntroductionAnswered.class, existing((entry, e, envelope) -> entry.withStatus(e.status())))
                .on(IntroductionOutcomeRecorded.class, existing((entry, e, envelope) -> entry.withOutcome(
                        new IntroductionEntry.OutcomeEntry(e.outcome(), e.outcomeOn(), e.projectId()))))
                .build();
    }

    /** How an event changes an entry that is there. */
    @FunctionalInterface
    private interface EntryChange<V, T> {
        V apply(V entry, T event, EventEnvelope envelope);
    }

    /** A change that needs the entry its aggregate's registration made: without one there is nothing to change. */
    private static <V, T> Projection.Change<V, T> existing(EntryChange<V, T> change) {
        return (current, e, envelope) -> current.map(entry -> change.apply(entry, e, envelope)).orElse(null);
    }

    /** Parties with their roles; events from before roles name the organisations only. */
    private static List<Party> parties(PartnershipRegistered e) {
        return e.parties() == null || e.parties().isEmpty()
                ? e.partyOrganisationIds().stream().map(id -> new Party(id, "PARTNER")).toList()
                : e.parties();
    }

    /** The value reported, with the name and unit of its indicator as the project defines it. */
    private static Map<String, String> reportedValue(IndicatorReported e, ProjectEntry project) {
        Map<String, String> details = new HashMap<>();
        details.put("value", e.value().toPlainString());
        project.indicators().stream().filter(indicator -> indicator.indicatorId().equals(e.indicatorId())).findFirst()
                .ifPresent(indicator -> {
                    details.put("indicator", indicator.name());
                    details.put("unit", indicator.unit());
                });
        return details;
    }

    /** A feed line's details from pairs of name and value. */
    private static Map<String, String> details(String... namesAndValues) {
        Map<String, String> details = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            details.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return details;
    }

    /** The entry with the funding line recorded, on {@code recordedOn}, in place of the line's earlier version. */
    private static ProjectEntry funding(ProjectEntry entry, FundingLine line, LocalDate recordedOn,
                                        EventEnvelope envelope) {
        return entry.withFunding(replaced(entry.funding(), funding -> funding.line().fundingLineId()
                .equals(line.fundingLineId()), new FundingEntry(line, recordedOn)), at(envelope));
    }

    private static Optional<LocalDate> recordedOn(ProjectEntry entry, String fundingLineId) {
        return entry.funding().stream().filter(funding -> funding.line().fundingLineId().equals(fundingLineId))
                .map(FundingEntry::recordedOn).findFirst();
    }

    /** A new or changed definition keeps the indicator's reported values. */
    private static ProjectEntry indicator(ProjectEntry entry, Indicator indicator,
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
