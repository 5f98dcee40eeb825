package se.samverka.partnership.register;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import se.samverka.platform.messaging.personaldata.StaffMember;

/**
 * One step in a partnership's history: who took it, when, why, and on which decision.
 *
 * @param bySubject who took it, as their tokens' subject: kept to find a person's entries, never shown; null for the
 *                  platform's steps and for steps older than its keeping
 * @param automatic the platform took it (dormancy detected, activity seen again)
 */
public record StatusChange(
        PartnershipStatus from,
        PartnershipStatus to,
        Instant at,
        String by,
        @JsonIgnore String bySubject,
        String reason,
        String decisionId,
        boolean automatic) {

    /** The step without who took it and why: those are the municipality's own. */
    StatusChange withoutNames() {
        return new StatusChange(from, to, at, automatic ? by : null, null, automatic ? reason : null, decisionId,
                automatic);
    }

    /** Whether a person took it, and that person is this one. */
    boolean takenBy(StaffMember person) {
        return !automatic && person.named(bySubject, by);
    }

    /** The step as taken by whom {@code replacement} names. */
    StatusChange takenBy(String replacement) {
        return new StatusChange(from, to, at, replacement, replacement, reason, decisionId, automatic);
    }

    /** What the step was, in a few words. */
    String what() {
        return from == null ? "Registered the partnership (" + to + ")"
                : "Moved the partnership from " + from + " to " + to;
    }
}
