package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.util.Objects;

/** An activity was recorded. Schema: {@code events/schemas/se.samverka.project.activityRecorded.json}. */
public record ActivityRecorded(String projectId, Activity activity) {

    public ActivityRecorded {
        requireText(projectId, "projectId");
        Objects.requireNonNull(activity, "activity is required");
    }
}
