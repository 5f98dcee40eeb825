package se.samverka.project.assessment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much each criterion of the strategy's priority rule weighs, under {@code samverka.assessment.weights}: a
 * municipality decides what matters most to it. Equal by default, 100 in all.
 */
@ConfigurationProperties("samverka.assessment.weights")
public record AssessmentWeights(
        @DefaultValue("20") double regionalActors,
        @DefaultValue("20") double municipalOperations,
        @DefaultValue("20") double mutualInterest,
        @DefaultValue("20") double clearResults,
        @DefaultValue("20") double growthAreas) {
}
