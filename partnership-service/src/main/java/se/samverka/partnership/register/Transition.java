package se.samverka.partnership.register;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/partnerships/{id}/transitions}: where to, why, and the recorded decision it rests on.
 */
public record Transition(
        @NotNull PartnershipStatus to,
        @NotBlank @Size(max = 2000) String reason,
        String decisionId) {
}
