package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * One criterion of the strategy's priority rule and how the project fares on it.
 *
 * @param criterion REGIONAL_ACTORS, MUNICIPAL_OPERATIONS, MUTUAL_INTEREST, CLEAR_RESULTS or GROWTH_AREAS
 */
public record AssessedCriterion(String criterion, double points, double maxPoints, boolean met) {

    public AssessedCriterion {
        requireText(criterion, "criterion");
    }
}
