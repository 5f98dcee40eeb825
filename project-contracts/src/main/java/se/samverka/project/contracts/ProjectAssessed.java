package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.copyOf;
import static se.samverka.platform.events.Contracts.requireText;

import java.util.List;

/**
 * The project's priority assessment changed, re-computed from its data. Schema:
 * {@code events/schemas/se.samverka.project.assessed.json}.
 */
public record ProjectAssessed(String projectId, double score, double maxScore, List<AssessedCriterion> criteria) {

    public ProjectAssessed {
        requireText(projectId, "projectId");
        criteria = copyOf(criteria, "criteria");
    }
}
