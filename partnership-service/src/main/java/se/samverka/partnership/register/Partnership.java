package se.samverka.partnership.register;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import se.samverka.partnership.contracts.PartnershipAgreementComingDue;
import se.samverka.partnership.contracts.PartnershipAgreementDue;
import se.samverka.partnership.contracts.PartnershipAgreementRecorded;
import se.samverka.partnership.contracts.PartnershipDecisionRecorded;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipPartyAdded;
import se.samverka.partnership.contracts.PartnershipPartyRemoved;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStaffNamesErased;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.messaging.personaldata.StaffNaming;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * A lasting relation between the municipality and places or organisations abroad or in the region. Each command
 * gives back the partnership it leaves and the events that announce it; the partnership does not know its own id
 * (its document does), so commands are told it for their events.
 *
 * @param responsibleDepartmentId the department or municipal company that answers for it
 * @param strategies              codes of the municipality's strategies it serves
 * @param statusSince             when it entered its current status
 * @param history                 every status change, oldest first
 * @param agreementNotices        the notices of its agreement's dates announced so far, kept here so that each goes
 *                                out once, whichever instance sends it
 */
public record Partnership(
        String name,
        String nameEn,
        String description,
        PartnershipType type,
        PartnershipStatus status,
        Visibility visibility,
        List<PartnershipParty> parties,
        String responsibleDepartmentId,
        List<GlobalTheme> themes,
        List<String> strategies,
        Agreement agreement,
        List<Decision> decisions,
        List<StatusChange> history,
        Instant statusSince,
        List<AgreementNotice> agreementNotices) implements StaffNaming<Partnership> {

    /** What a person's access request calls a partnership. */
    static final String AGGREGATE = "partnership";

    public Partnership {
        parties = List.copyOf(parties);
        themes = themes == null ? List.of() : List.copyOf(themes);
        strategies = strategies == null ? List.of() : List.copyOf(strategies);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        history = history == null ? List.of() : List.copyOf(history);
        agreementNotices = agreementNotices == null ? List.of() : List.copyOf(agreementNotices);
    }

    /** Who takes the steps the platform takes by itself. */
    static final String PLATFORM = "samverka";

    /** A partnership entering the register: EXPLORING from {@code at}, which is the first step of its history. */
    static Change<Partnership> register(String id, PartnershipDetails details, Instant at, StaffMember by) {
        StatusChange registered = new StatusChange(null, PartnershipStatus.EXPLORING, at, by.name(), by.subject(),
                "Registered", null, false);
        Partnership partnership = new Partnership(details.name().strip(), details.nameEn(), details.description(),
                details.type(), PartnershipStatus.EXPLORING, details.visibilityOrDefault(), details.parties(),
                details.responsibleDepartmentId(), details.themes(), details.strategies(), null, List.of(),
                List.of(registered), at, List.of());
        return Change.of(partnership, new PartnershipRegistered(id, partnership.status().name(), partnership.partyIds(),
                partnership.parties().stream().map(p -> new Party(p.organisationId(), p.role().name())).toList(),
                partnership.published()));
    }

    /** Its description replaced; parties, agreement, decisions and status stay. Announced even when nothing differs. */
    Change<Partnership> describe(String id, PartnershipDetails d) {
        Partnership described = new Partnership(d.name().strip(), d.nameEn(), d.description(), d.type(), status,
                d.visibilityOrDefault(), parties, d.responsibleDepartmentId(), d.themes(), d.strategies(), agreement,
                decisions, history, statusSince, agreementNotices);
        return Change.of(described, new PartnershipUpdated(id, described.published()));
    }

    /** @throws InvalidRequestException 422 when the organisation is a party already */
    Change<Partnership> addParty(String id, PartnershipParty party) {
        if (partyIds().contains(party.organisationId())) {
            throw new InvalidRequestException("organisationId", "reason.party.already");
        }
        List<PartnershipParty> all = new ArrayList<>(parties);
        all.add(party);
        return Change.of(withParties(all), new PartnershipPartyAdded(id, party.organisationId(), party.role().name()));
    }

    /**
     * @throws NotFoundException        404 when the organisation is no party
     * @throws InvalidRequestException 422 when it would leave fewer than two parties
     */
    Change<Partnership> removeParty(String id, String organisationId) {
        if (!partyIds().contains(organisationId)) {
            throw new NotFoundException("not-found.party", organisationId);
        }
        if (parties.size() <= 2) {
            throw new InvalidRequestException("organisationId", "reason.parties.keep-two");
        }
        List<PartnershipParty> left = parties.stream()
                .filter(party -> !party.organisationId().equals(organisationId))
                .toList();
        return Change.of(withParties(left), new PartnershipPartyRemoved(id, organisationId));
    }

    /**
     * Records the agreement, replacing the one recorded before. The notices sent for a date it keeps stay sent; a date
     * it moves or adds gets notices of its own.
     */
    Change<Partnership> recordAgreement(String id, Agreement newAgreement) {
        List<AgreementNotice> kept = agreementNotices.stream()
                .filter(notice -> notice.dueOn().equals(notice.due().dateOf(newAgreement)))
                .toList();
        Partnership recorded = new Partnership(name, nameEn, description, type, status, visibility, parties,
                responsibleDepartmentId, themes, strategies, newAgreement, decisions, history, statusSince, kept);
        return Change.of(recorded, new PartnershipAgreementRecorded(id, newAgreement.type().name(),
                newAgreement.signedOn(), newAgreement.validFrom(), newAgreement.validTo(), newAgreement.renewalOn()));
    }

    /** Records a decision under the next id (d1, d2, …); its note stays here, out of the event. */
    Change<Partnership> recordDecision(String id, DecisionDetails details, Instant at, StaffMember by) {
        Decision decision = new Decision("d" + (decisions.size() + 1), details.body().strip(), details.decidedOn(),
                details.paragraph(), details.registrationNumber(), details.note(), at, by.name(), by.subject());
        List<Decision> all = new ArrayList<>(decisions);
        all.add(decision);
        Partnership recorded = new Partnership(name, nameEn, description, type, status, visibility, parties,
                responsibleDepartmentId, themes, strategies, agreement, all, history, statusSince, agreementNotices);
        return Change.of(recorded, new PartnershipDecisionRecorded(id, decision.id(), decision.body(),
                decision.decidedOn(), decision.paragraph(), decision.registrationNumber()));
    }

    /**
     * A step someone takes in the lifecycle.
     *
     * @throws IllegalTransitionException 409 when the step is not allowed now
     * @throws InvalidRequestException    422 when the decision named does not exist
     */
    Change<Partnership> transition(String id, Transition transition, Instant at, StaffMember by) {
        PartnershipLifecycle.check(this, transition);
        return movedTo(id, new StatusChange(status, transition.to(), at, by.name(), by.subject(), transition.reason(),
                transition.decisionId(), false));
    }

    /** The platform's step: an ACTIVE partnership has shown no activity for too long. */
    Change<Partnership> markDormant(String id, Instant at, String why) {
        return movedTo(id, new StatusChange(PartnershipStatus.ACTIVE, PartnershipStatus.DORMANT, at, PLATFORM, null, why,
                null, true));
    }

    /** The platform's step: a DORMANT partnership shows activity again. */
    Change<Partnership> reactivate(String id, Instant at, String why) {
        return movedTo(id, new StatusChange(PartnershipStatus.DORMANT, PartnershipStatus.ACTIVE, at, PLATFORM, null, why,
                null, true));
    }

    /**
     * The platform's step: the notices of its agreement's dates due on {@code today} that have not gone out, in one
     * change. Before a date, PartnershipAgreementComingDue for the shortest lead time the days left have reached; when
     * it comes, PartnershipAgreementDue, and an expiry moves an ACTIVE or DORMANT partnership to UNDER_REVIEW through
     * its lifecycle. A check that did not run for a while sends only the nearest notice of each date, never one the
     * date has outgrown. An ENDED partnership gets none.
     *
     * @param leadTimes days before a date, e.g. 90 and 30
     * @return empty when nothing is due
     */
    Optional<Change<Partnership>> agreementNotices(String id, LocalDate today, Collection<Integer> leadTimes,
                                                   Instant at) {
        if (agreement == null || status == PartnershipStatus.ENDED) {
            return Optional.empty();
        }
        Change<Partnership> change = Change.of(this);
        for (AgreementDue due : AgreementDue.values()) {
            LocalDate dueOn = due.dateOf(agreement);
            if (dueOn != null) {
                change = change.then(partnership -> partnership.agreementNotice(id, due, dueOn, today, leadTimes, at));
            }
        }
        return change.events().isEmpty() ? Optional.empty() : Optional.of(change);
    }

    /** The steps the person took and the decisions they recorded. */
    @Override
    public List<StaffEntry> entriesNaming(String id, StaffMember person) {
        List<StaffEntry> entries = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            StatusChange step = history.get(i);
            if (step.takenBy(person)) {
                entries.add(new StaffEntry(AGGREGATE, id, name, "history[" + i + "].by", step.at(), null, step.what()));
            }
        }
        for (int i = 0; i < decisions.size(); i++) {
            Decision decision = decisions.get(i);
            if (decision.recordedBy(person)) {
                entries.add(new StaffEntry(AGGREGATE, id, name, "decisions[" + i + "].recordedBy",
                        decision.recordedAt(), null, "Recorded decision " + decision.id() + " of " + decision.body()
                        + ", " + decision.decidedOn()));
            }
        }
        return entries;
    }

    @Override
    public Optional<Change<Partnership>> withStaffErased(String id, StaffMember person, String replacement) {
        if (entriesNaming(id, person).isEmpty()) {
            return Optional.empty();
        }
        List<Decision> recorded = decisions.stream()
                .map(decision -> decision.recordedBy(person) ? decision.recordedBy(replacement) : decision)
                .toList();
        List<StatusChange> steps = history.stream()
                .map(step -> step.takenBy(person) ? step.takenBy(replacement) : step)
                .toList();
        return Optional.of(Change.of(new Partnership(name, nameEn, description, type, status, visibility, parties,
                responsibleDepartmentId, themes, strategies, agreement, recorded, steps, statusSince,
                agreementNotices), new PartnershipStaffNamesErased(id)));
    }

    /** Its agreement's dates, EXPIRY before RENEWAL; none without an agreement. */
    List<AgreementDate> agreementDates() {
        if (agreement == null) {
            return List.of();
        }
        return Stream.of(AgreementDue.values())
                .filter(due -> due.dateOf(agreement) != null)
                .map(due -> new AgreementDate(due, due.dateOf(agreement)))
                .toList();
    }

    List<String> partyIds() {
        return parties.stream().map(PartnershipParty::organisationId).toList();
    }

    boolean hasDecision(String decisionId) {
        return decisions.stream().anyMatch(decision -> decision.id().equals(decisionId));
    }

    private Partnership withParties(List<PartnershipParty> newParties) {
        return new Partnership(name, nameEn, description, type, status, visibility, newParties, responsibleDepartmentId,
                themes, strategies, agreement, decisions, history, statusSince, agreementNotices);
    }

    private Change<Partnership> agreementNotice(String id, AgreementDue due, LocalDate dueOn, LocalDate today,
                                                Collection<Integer> leadTimes, Instant at) {
        if (due.hasCome(dueOn, today)) {
            if (noticeSent(due, dueOn, AgreementNotice.CAME)) {
                return Change.of(this);
            }
            List<Integer> all = new ArrayList<>(leadTimes);
            all.add(AgreementNotice.CAME);
            Change<Partnership> came = Change.of(withNotices(due, dueOn, all),
                    new PartnershipAgreementDue(id, due.name(), dueOn));
            if (due == AgreementDue.EXPIRY
                    && PartnershipLifecycle.allowedFrom(status).contains(PartnershipStatus.UNDER_REVIEW)) {
                came = came.then(partnership -> partnership.movedTo(id, new StatusChange(partnership.status(),
                        PartnershipStatus.UNDER_REVIEW, at, PLATFORM, null, "Agreement expired on " + dueOn, null,
                        true)));
            }
            return came;
        }
        long daysLeft = ChronoUnit.DAYS.between(today, dueOn);
        List<Integer> reached = leadTimes.stream().filter(lead -> lead >= daysLeft).sorted().toList();
        if (reached.isEmpty() || noticeSent(due, dueOn, reached.get(0))) {
            return Change.of(this);
        }
        return Change.of(withNotices(due, dueOn, reached),
                new PartnershipAgreementComingDue(id, due.name(), dueOn, reached.get(0)));
    }

    private boolean noticeSent(AgreementDue due, LocalDate dueOn, int daysBefore) {
        return agreementNotices.contains(new AgreementNotice(due, dueOn, daysBefore));
    }

    /** These notices of the date recorded as sent, besides those sent already. */
    private Partnership withNotices(AgreementDue due, LocalDate dueOn, Collection<Integer> daysBefore) {
        List<AgreementNotice> all = new ArrayList<>(agreementNotices);
        daysBefore.stream().map(days -> new AgreementNotice(due, dueOn, days))
                .filter(notice -> !all.contains(notice))
                .forEach(all::add);
        return new Partnership(name, nameEn, description, type, status, visibility, parties, responsibleDepartmentId,
                themes, strategies, agreement, decisions, history, statusSince, all);
    }

    private Change<Partnership> movedTo(String id, StatusChange change) {
        List<StatusChange> all = new ArrayList<>(history);
        all.add(change);
        Partnership moved = new Partnership(name, nameEn, description, type, change.to(), visibility, parties,
                responsibleDepartmentId, themes, strategies, agreement, decisions, all, change.at(), agreementNotices);
        return Change.of(moved, new PartnershipStatusChanged(id, change.from().name(), change.to().name(),
                change.decisionId(), change.automatic()));
    }

    /** The partnership as its events describe it: codes as text. */
    private PartnershipDescription published() {
        return new PartnershipDescription(name, nameEn, description, type.name(), visibility.name(),
                responsibleDepartmentId, themes.stream().map(Enum::name).toList(), strategies);
    }
}
