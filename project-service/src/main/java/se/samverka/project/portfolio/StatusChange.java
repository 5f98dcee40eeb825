package se.samverka.project.portfolio;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.project.contracts.DecisionReference;

/**
 * One step in a project's history: who took it, when, why, and on which decision.
 *
 * @param bySubject who took it, as their tokens' subject: kept to find a person's entries, never shown; null for steps
 *                  older than its keeping
 */
public record StatusChange(
        ProjectStatus from,
        ProjectStatus to,
        Instant at,
        String by,
        @JsonIgnore String bySubject,
        String reason,
        DecisionReference decision) {

    /** The step without who took it and why: those are the municipality's own. */
    StatusChange withoutNames() {
        return new StatusChange(from, to, at, null, null, null, decision);
    }

    boolean takenBy(StaffMember person) {
        return person.named(bySubject, by);
    }

    /** The step as taken by whom {@code replacement} names. */
    StatusChange takenBy(String replacement) {
        return new StatusChange(from, to, at, replacement, replacement, reason, decision);
    }

    /** What the step was, in a few words. */
    String what() {
        return from == null ? "Registered the project (" + to + ")" : "Moved the project from " + from + " to " + to;
    }
}
