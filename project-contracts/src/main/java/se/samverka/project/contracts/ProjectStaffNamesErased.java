package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * The people a project's record named (who took a step, judged its health, reported an indicator) are now named by
 * their role and organisation, at a person's request for erasure; nothing else changed, and the event names no one.
 * Schema: {@code events/schemas/se.samverka.project.staffNamesErased.json}.
 */
public record ProjectStaffNamesErased(String projectId) {

    public ProjectStaffNamesErased {
        requireText(projectId, "projectId");
    }
}
