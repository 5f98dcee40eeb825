package se.samverka.reporting.readmodel;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * An introduction the broker proposed, as the reports know it from its own events: the organisations and the
 * partnership it names by id (their sectors and names are joined when a report is asked for), how it was answered and
 * what it led to.
 *
 * @param organisationId            the organisation that stated the interest: the first side
 * @param counterpartOrganisationId the organisation that answers for the counterpart: the second side
 * @param partnershipId             the partnership it goes through, if any
 * @param status                    PROPOSED, ACCEPTED or DECLINED
 * @param proposedOn                the day it was proposed, in the municipality's time zone
 * @param outcomes                  what it led to, in the order recorded
 */
public record IntroductionEntry(
        String interestId,
        String organisationId,
        String counterpartKind,
        String counterpartOrganisationId,
        String partnershipId,
        String status,
        LocalDate proposedOn,
        List<OutcomeEntry> outcomes) {

    public static final String PROJECT_REGISTERED = "PROJECT_REGISTERED";

    public IntroductionEntry {
        outcomes = List.copyOf(outcomes);
    }

    /** @param projectId the project it led to, for PROJECT_REGISTERED */
    public record OutcomeEntry(String outcome, LocalDate outcomeOn, String projectId) {
    }

    IntroductionEntry withStatus(String newStatus) {
        return new IntroductionEntry(interestId, organisationId, counterpartKind, counterpartOrganisationId,
                partnershipId, newStatus, proposedOn, outcomes);
    }

    IntroductionEntry withOutcome(OutcomeEntry outcome) {
        return new IntroductionEntry(interestId, organisationId, counterpartKind, counterpartOrganisationId,
                partnershipId, status, proposedOn, Stream.concat(outcomes.stream(), Stream.of(outcome)).toList());
    }

    /** Whether it led to a project: an outcome PROJECT_REGISTERED that names the project. */
    public boolean becameAProject() {
        return outcomes.stream().anyMatch(outcome -> PROJECT_REGISTERED.equals(outcome.outcome())
                && outcome.projectId() != null);
    }
}
