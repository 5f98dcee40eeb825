package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * A project moved in its lifecycle, perhaps on a decision. Why stays in project-service. Schema:
 * {@code events/schemas/se.samverka.project.statusChanged.json}.
 */
public record ProjectStatusChanged(String projectId, String from, String to, DecisionReference decision) {

    public ProjectStatusChanged {
        requireText(projectId, "projectId");
        requireText(from, "from");
        requireText(to, "to");
    }
}
