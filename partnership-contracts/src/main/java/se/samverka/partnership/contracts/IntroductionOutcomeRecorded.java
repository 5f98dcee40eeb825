package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What an accepted introduction led to, dated; an introduction may lead to a meeting, then an application, then a
 * project. Schema: {@code events/schemas/se.samverka.introduction.outcomeRecorded.json}.
 *
 * @param outcome   MEETING, JOINT_APPLICATION, PROJECT_REGISTERED or NOTHING
 * @param projectId the project it led to, for PROJECT_REGISTERED
 */
public record IntroductionOutcomeRecorded(String introductionId, String outcome, LocalDate outcomeOn,
                                          String projectId) {

    public IntroductionOutcomeRecorded {
        requireText(introductionId, "introductionId");
        requireText(outcome, "outcome");
        Objects.requireNonNull(outcomeOn, "outcomeOn is required");
    }
}
