package se.samverka.partnership.broker.introduction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/introductions}.
 *
 * @param partnershipId the partnership the introduction goes through, if any; left out for a PARTNERSHIP
 *                      counterpart: that partnership
 * @param note          stays in this service, shown only to those who may read the introduction
 */
public record IntroductionProposal(
        @NotBlank String interestId,
        @NotNull CounterpartKind counterpartKind,
        @NotBlank String counterpartId,
        String partnershipId,
        @Size(max = 4000) String note) {
}
