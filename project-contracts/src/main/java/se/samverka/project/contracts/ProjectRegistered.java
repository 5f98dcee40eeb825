package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A project entered the portfolio. Schema: {@code events/schemas/se.samverka.project.registered.json}.
 *
 * @param status      the lifecycle status it starts in, e.g. IDEA
 * @param description all of it as it was registered, its fields beside {@code projectId} and {@code status}
 */
public record ProjectRegistered(String projectId, String status, @JsonUnwrapped ProjectDescription description) {

    public ProjectRegistered {
        requireText(projectId, "projectId");
        requireText(status, "status");
        Objects.requireNonNull(description, "description is required");
    }
}
