package se.samverka.project.assessment;

import java.util.List;
import se.samverka.project.contracts.AssessedCriterion;
import se.samverka.project.contracts.ProjectAssessed;

/**
 * How a project serves the priorities of the municipality's strategy: a score, and for each criterion its points and
 * a plain-language explanation (Swedish first, English second).
 */
public record Assessment(double score, double maxScore, List<Criterion> criteria) {

    public Assessment {
        criteria = List.copyOf(criteria);
    }

    /** The assessment as the project's events carry it: the explanations stay in this service. */
    public ProjectAssessed published(String projectId) {
        return new ProjectAssessed(projectId, score, maxScore, criteria.stream()
                .map(c -> new AssessedCriterion(c.criterion(), c.points(), c.maxPoints(), c.met())).toList());
    }

    /**
     * @param criterion REGIONAL_ACTORS, MUNICIPAL_OPERATIONS, MUTUAL_INTEREST, CLEAR_RESULTS or GROWTH_AREAS
     * @param met       whether the project meets it in full
     */
    public record Criterion(String criterion, double points, double maxPoints, boolean met, String explanation,
                            String explanationEn) {
    }
}
