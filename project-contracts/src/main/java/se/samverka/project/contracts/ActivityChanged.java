package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.util.Objects;

/** An activity changed; carries all of it. Schema: {@code events/schemas/se.samverka.project.activityChanged.json}. */
public record ActivityChanged(String projectId, Activity activity) {

    public ActivityChanged {
        requireText(projectId, "projectId");
        Objects.requireNonNull(activity, "activity is required");
    }
}
