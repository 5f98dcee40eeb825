package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * How a project is doing, apart from its status: ON_TRACK, AT_RISK or OFF_TRACK. The note stays in project-service.
 * Schema: {@code events/schemas/se.samverka.project.healthChanged.json}.
 */
public record ProjectHealthChanged(String projectId, String health, LocalDate assessedOn) {

    public ProjectHealthChanged {
        requireText(projectId, "projectId");
        requireText(health, "health");
        Objects.requireNonNull(assessedOn, "assessedOn is required");
    }
}
