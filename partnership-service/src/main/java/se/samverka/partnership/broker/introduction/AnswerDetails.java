package se.samverka.partnership.broker.introduction;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code POST /api/introductions/{id}/answers}.
 *
 * @param organisationId the side that answers: left out, the caller's own organisation; the coordinator must name it
 */
public record AnswerDetails(String organisationId, @NotNull Answer answer) {
}
