package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A project's description changed; carries all of it as it is now, including every partnership it belongs to. Schema:
 * {@code events/schemas/se.samverka.project.updated.json}.
 *
 * @param description its fields beside {@code projectId}, every list present
 */
public record ProjectUpdated(String projectId, @JsonUnwrapped ProjectDescription description) {

    public ProjectUpdated {
        requireText(projectId, "projectId");
        Objects.requireNonNull(description, "description is required");
        description.requireEveryList();
    }
}
