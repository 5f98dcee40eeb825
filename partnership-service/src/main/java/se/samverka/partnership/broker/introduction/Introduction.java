package se.samverka.partnership.broker.introduction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.samverka.partnership.contracts.IntroductionAnswered;
import se.samverka.partnership.contracts.IntroductionOutcomeRecorded;
import se.samverka.partnership.contracts.IntroductionProposed;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.Reason;

/**
 * The broker's proposal to introduce the organisation that stated an interest (the first side) to the organisation that
 * answers for a counterpart (the second side). Each command gives back the introduction it leaves and the events that
 * announce it; notes and who did what stay here, out of the events.
 *
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
        String proposedByOrganisationId,
        String note,
        IntroductionStatus status,
        List<GivenAnswer> answers,
        List<RecordedOutcome> outcomes) {

    public Introduction {
        answers = answers == null ? List.of() : List.copyOf(answers);
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** A side's answer, when and by whom. */
    public record GivenAnswer(String organisationId, Answer answer, Instant at, String by) {
    }

    /** What the introduction led to, recorded when and by whom. */
    public record RecordedOutcome(Outcome outcome, LocalDate outcomeOn, String projectId, String note,
                                  Instant recordedAt, String recordedBy) {
    }

    /** Who proposes what to whom. */
    record Proposal(String interestId, String organisationId, CounterpartKind counterpartKind, String counterpartId,
                    String counterpartOrganisationId, String partnershipId, String proposedByOrganisationId,
                    String note) {
    }

    static Change<Introduction> propose(String id, Proposal p, Instant at, String by) {
        Introduction proposed = new Introduction(p.interestId(), p.organisationId(), p.counterpartKind(),
                p.counterpartId(), p.counterpartOrganisationId(), p.partnershipId(), at, by,
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
    Change<Introduction> answer(String id, String side, Answer answer, Instant at, String by) {
        if (status == IntroductionStatus.DECLINED) {
            throw refused(Reason.of("transition.introduction.declined"));
        }
        if (answers.stream().anyMatch(given -> given.organisationId().equals(side))) {
            throw refused(Reason.of("transition.introduction.answered", side));
        }
        List<GivenAnswer> all = new ArrayList<>(answers);
        all.add(new GivenAnswer(side, answer, at, by));
        IntroductionStatus after = answer == Answer.DECLINED ? IntroductionStatus.DECLINED
                : all.size() == sides().size() ? IntroductionStatus.ACCEPTED : IntroductionStatus.PROPOSED;
        Introduction answered = new Introduction(interestId, organisationId, counterpartKind, counterpartId,
                counterpartOrganisationId, partnershipId, proposedAt, proposedBy, proposedByOrganisationId, note, after,
                all, outcomes);
        return Change.of(answered, new IntroductionAnswered(id, side, answer.name(), after.name()));
    }

    /**
     * Records what it led to; several outcomes may follow one another (a meeting, an application, a project).
     *
     * @throws IllegalTransitionException 409 unless both sides have accepted it
     */
    Change<Introduction> recordOutcome(String id, OutcomeDetails details, Instant at, String by) {
        if (status != IntroductionStatus.ACCEPTED) {
            throw refused(Reason.of("transition.introduction.not-accepted"));
        }
        String projectId = details.outcome() == Outcome.PROJECT_REGISTERED ? details.projectId() : null;
        List<RecordedOutcome> all = new ArrayList<>(outcomes);
        all.add(new RecordedOutcome(details.outcome(), details.outcomeOn(), projectId, details.note(), at, by));
        Introduction recorded = new Introduction(interestId, organisationId, counterpartKind, counterpartId,
                counterpartOrganisationId, partnershipId, proposedAt, proposedBy, proposedByOrganisationId, note,
                status, answers, all);
        return Change.of(recorded, new IntroductionOutcomeRecorded(id, details.outcome().name(), details.outcomeOn(),
                projectId));
    }

    private IllegalTransitionException refused(Reason reason) {
        return new IllegalTransitionException(status.name(), status.name(), List.of(), reason);
    }
}
