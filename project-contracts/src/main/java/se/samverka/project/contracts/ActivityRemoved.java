package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/** An activity was removed. Schema: {@code events/schemas/se.samverka.project.activityRemoved.json}. */
public record ActivityRemoved(String projectId, String activityId) {

    public ActivityRemoved {
        requireText(projectId, "projectId");
        requireText(activityId, "activityId");
    }
}
