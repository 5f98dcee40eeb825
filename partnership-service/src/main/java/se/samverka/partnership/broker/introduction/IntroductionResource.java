package se.samverka.partnership.broker.introduction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An introduction as the API shows it, with the names of what it concerns. Who answered and recorded stays out; the
 * notes are shown, since only the sides, the proposer and the municipality read an introduction at all.
 */
public record IntroductionResource(
        String id,
        long version,
        String interestId,
        String interestTitle,
        String organisationId,
        String organisationName,
        CounterpartKind counterpartKind,
        String counterpartId,
        String counterpartName,
        String counterpartOrganisationId,
        String counterpartOrganisationName,
        String partnershipId,
        String partnershipName,
        Instant proposedAt,
        String proposedByOrganisationId,
        String note,
        IntroductionStatus status,
        List<AnswerView> answers,
        List<OutcomeView> outcomes) {

    public record AnswerView(String organisationId, Answer answer, Instant at) {
    }

    public record OutcomeView(Outcome outcome, LocalDate outcomeOn, String projectId, String note) {
    }
}
