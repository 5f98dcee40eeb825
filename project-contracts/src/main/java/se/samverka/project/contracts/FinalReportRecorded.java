package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The project's final report was submitted; its text stays in project-service. Schema:
 * {@code events/schemas/se.samverka.project.finalReportRecorded.json}.
 */
public record FinalReportRecorded(String projectId, LocalDate submittedOn) {

    public FinalReportRecorded {
        requireText(projectId, "projectId");
        Objects.requireNonNull(submittedOn, "submittedOn is required");
    }
}
