package se.samverka.partnership.register;

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

    /** The step without who took it and why: those are the municipality's own. */
    StatusChange withoutNames() {
        return new StatusChange(from, to, at, automatic ? by : null, automatic ? reason : null, decisionId, automatic);
    }
}
