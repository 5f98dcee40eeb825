package se.samverka.partnership.partnership;

import java.time.Instant;

/**
 * One step in a partnership's history: who took it, when, why, and on which decision.
 *
 * @param automatic the platform took it (dormancy detected, activity seen again)
 */
public record StatusChange(
        PartnershipStatus from,
        PartnershipStatus to,
        Instant at,
        String by,
        String reason,
        String decisionId,
        boolean automatic) {
}
