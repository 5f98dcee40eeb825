package se.samverka.partnership.broker.introduction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import se.samverka.partnership.contracts.IntroductionAnswered;
import se.samverka.partnership.contracts.IntroductionOutcomeRecorded;
import se.samverka.partnership.contracts.IntroductionProposed;
import se.samverka.partnership.contracts.IntroductionStaffNamesErased;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.messaging.personaldata.StaffNaming;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.Reason;

/**
 * The broker's proposal to introduce the organisation that stated an interest (the first side) to the organisation that
 * answers for a counterpart (the second side). Each command gives back the introduction it leaves and the events that
 * announce it; notes and who did what stay here, out of the events.
 *
 * @param proposedBySubject        who proposed it, as their tokens' subject, like {@code bySubject} of an answer and
 *                                 {@code recordedBySubject} of an outcome: kept to find a person's entries, never
 *                                 shown; null for entries older than its keeping
 * @param proposedByOrganisationId the organisation of whoever proposed it; null for a coordinator without one
 */
public record Introduction(
        String interestId,
        String organisationId,
        CounterpartKind counterpartKind,
        String counterpartId,
        String counterpartOrganisationId,
        String partnershipId,
        Instant proposedAt,
        String proposedBy,
        String proposedBySubject,
        String proposedByOrganisationId,
        String note,
        IntroductionStatus status,
        List<GivenAnswer> answers,
        List<RecordedOutcome> outcomes) implements StaffNaming<Introduction> {

    /** What a person's access request calls an introduction. */
    static final String AGGREGATE = "introduction";

    public Introduction {
        answers = answers == null ? List.of() : List.copyOf(answers);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** A side's answer, when and by whom. */
    public record GivenAnswer(String organisationId, Answer answer, Instant at, String by, String bySubject) {

        GivenAnswer by(String replacement) {
            return new GivenAnswer(organisationId, answer, at, replacement, replacement);
        }
    }

    /** What the introduction led to, recorded when and by whom. */
    public record RecordedOutcome(Outcome outcome, LocalDate outcomeOn, String projectId, String note,
                                  Instant recordedAt, String recordedBy, String recordedBySubject) {

        RecordedOutcome recordedBy(String replacement) {
            return new RecordedOutcome(outcome, outcomeOn, projectId, note, recordedAt, replacement, replacement);
        }
    }

    /** Who proposes what to whom. */
    record Proposal(String interestId, String organisationId, CounterpartKind counterpartKind, String counterpartId,
                    String counterpartOrganisationId, String partnershipId, String proposedByOrganisationId,
                    String note) {
    }

    static Change<Introduction> propose(String id, Proposal p, Instant at, StaffMember by) {
        Introduction proposed = new Introduction(p.interestId(), p.organisationId(), p.counterpartKind(),
                p.counterpartId(), p.counterpartOrganisationId(), p.partnershipId(), at, by.name(), by.subject(),
                p.proposedByOrganisationId(), p.note(), IntroductionStatus.PROPOSED, List.of(), List.of());
        return Change.of(proposed, new IntroductionProposed(id, p.interestId(), p.organisationId(),
                p.counterpartKind().name(), p.counterpartId(), p.counterpartOrganisationId(), p.partnershipId(),
                p.proposedByOrganisationId()));
    }

    /** The organisations it introduces: the interest's first, then the counterpart's. */
    public List<String> sides() {
        return List.of(organisationId, counterpartOrganisationId);
    }

    /**
     * One side answers: declined by either, it is DECLINED; accepted by both, ACCEPTED.
     *
     * @throws IllegalTransitionException 409 when it was declined, or that side has answered already
     */
    Change<Introduction> answer(String id, String side, Answer answer, Instant at, StaffMember by) {
        if (status == IntroductionStatus.DECLINED) {
            throw refused(Reason.of("transition.introduction.declined"));
        }
        if (answers.stream().anyMatch(given -> given.organisationId().equals(side))) {
            throw refused(Reason.of("transition.introduction.answered", side));
        }
        List<GivenAnswer> all = new ArrayList<>(answers);
        all.add(new GivenAnswer(side, answer, at, by.name(), by.subject()));
        IntroductionStatus after = answer == Answer.DECLINED ? IntroductionStatus.DECLINED
                : all.size() == sides().size() ? IntroductionStatus.ACCEPTED : IntroductionStatus.PROPOSED;
        Introduction answered = new Introduction(interestId, organisationId, counterpartKind, counterpartId,
                counterpartOrganisationId, partnershipId, proposedAt, proposedBy, proposedBySubject,
                proposedByOrganisationId, note, after, all, outcomes);
        return Change.of(answered, new IntroductionAnswered(id, side, answer.name(), after.name()));
    }

    /**
     * Records what it led to; several outcomes may follow one another (a meeting, an application, a project).
     *
     * @throws IllegalTransitionException 409 unless both sides have accepted it
     */
    Change<Introduction> recordOutcome(String id, OutcomeDetails details, Instant at, StaffMember by) {
        if (status != IntroductionStatus.ACCEPTED) {
            throw refused(Reason.of("transition.introduction.not-accepted"));
        }
        String projectId = details.outcome() == Outcome.PROJECT_REGISTERED ? details.projectId() : null;
        List<RecordedOutcome> all = new ArrayList<>(outcomes);
        all.add(new RecordedOutcome(details.outcome(), details.outcomeOn(), projectId, details.note(), at, by.name(),
                by.subject()));
        Introduction recorded = new Introduction(interestId, organisationId, counterpartKind, counterpartId,
                counterpartOrganisationId, partnershipId, proposedAt, proposedBy, proposedBySubject,
                proposedByOrganisationId, note, status, answers, all);
        return Change.of(recorded, new IntroductionOutcomeRecorded(id, details.outcome().name(), details.outcomeOn(),
                projectId));
    }

    /** Its proposal, the answers and the outcomes the person gave. */
    @Override
    public List<StaffEntry> entriesNaming(String id, StaffMember person) {
        List<StaffEntry> entries = new ArrayList<>();
        if (person.named(proposedBySubject, proposedBy)) {
            entries.add(new StaffEntry(AGGREGATE, id, null, "proposedBy", proposedAt, null,
                    "Proposed the introduction of " + organisationId + " to " + counterpartKind + " " + counterpartId));
        }
        for (int i = 0; i < answers.size(); i++) {
            GivenAnswer given = answers.get(i);
            if (person.named(given.bySubject(), given.by())) {
                entries.add(new StaffEntry(AGGREGATE, id, null, "answers[" + i + "].by", given.at(), null,
                        "Answered " + given.answer() + " for " + given.organisationId()));
            }
        }
        for (int i = 0; i < outcomes.size(); i++) {
            RecordedOutcome recorded = outcomes.get(i);
            if (person.named(recorded.recordedBySubject(), recorded.recordedBy())) {
                entries.add(new StaffEntry(AGGREGATE, id, null, "outcomes[" + i + "].recordedBy",
                        recorded.recordedAt(), null, "Recorded the outcome " + recorded.outcome()));
            }
        }
        return entries;
    }

    @Override
    public Optional<Change<Introduction>> withStaffErased(String id, StaffMember person, String replacement) {
        if (entriesNaming(id, person).isEmpty()) {
            return Optional.empty();
        }
        boolean proposer = person.named(proposedBySubject, proposedBy);
        Introduction erased = new Introduction(interestId, organisationId, counterpartKind, counterpartId,
                counterpartOrganisationId, partnershipId, proposedAt, proposer ? replacement : proposedBy,
                proposer ? replacement : proposedBySubject, proposedByOrganisationId, note, status,
                answers.stream().map(given -> person.named(given.bySubject(), given.by())
                        ? given.by(replacement) : given).toList(),
                outcomes.stream().map(recorded -> person.named(recorded.recordedBySubject(), recorded.recordedBy())
                        ? recorded.recordedBy(replacement) : recorded).toList());
        return Optional.of(Change.of(erased, new IntroductionStaffNamesErased(id)));
    }

    private IllegalTransitionException refused(Reason reason) {
        return new IllegalTransitionException(status.name(), status.name(), List.of(), reason);
    }
}
