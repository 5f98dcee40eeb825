package se.samverka.project.portfolio;

import java.time.Instant;
import se.samverka.project.contracts.DecisionReference;

/** One step in a project's history: who took it, when, why, and on which decision. */
public record StatusChange(
        ProjectStatus from,
        ProjectStatus to,
        Instant at,
        String by,
        String reason,
        DecisionReference decision) {

    /** The step without who took it and why: those are the municipality's own. */
    StatusChange withoutNames() {
        return new StatusChange(from, to, at, null, null, decision);
    }
}
