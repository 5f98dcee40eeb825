package se.samverka.partnership.broker.introduction;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The body of {@code POST /api/introductions/{id}/outcomes}.
 *
 * @param projectId the project it led to: required for PROJECT_REGISTERED, and known from project events
 * @param note      stays in this service
 */
public record OutcomeDetails(@NotNull Outcome outcome, @NotNull LocalDate outcomeOn, String projectId,
                             @Size(max = 4000) String note) {
}
