package se.samverka.project.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.directory.KnownOrganisation;
import se.samverka.reference.MunicipalStrategy;

/** The strategy's priority rule on constructed projects: scores, and what the explanations say. */
class PriorityAssessmentTest {

    private static final KnownOrganisation MUNICIPALITY = organisation("kommun", "Östersunds kommun", "MUNICIPALITY", "SE-Z", null);
    private static final KnownOrganisation CULTURE = organisation("kff", "Kultur- och fritidsförvaltningen", "DEPARTMENT", "SE-Z", "kommun");
    private static final KnownOrganisation SCHOOLS = organisation("buf", "Barn- och utbildningsförvaltningen", "DEPARTMENT", "SE-Z", "kommun");
    private static final KnownOrganisation UNIVERSITY = organisation("miun", "Mittuniversitetet", "UNIVERSITY", "SE-Z", null);
    private static final KnownOrganisation REGION = organisation("rjh", "Region Jämtland Härjedalen", "REGION", "SE-Z", null);
    private static final KnownOrganisation TRONDHEIM = organisation("trd", "Trondheim kommune", "FOREIGN_CITY", "NO-50", null);
    private static final Map<String, KnownOrganisation> KNOWN = Stream.of(MUNICIPALITY, CULTURE, SCHOOLS, UNIVERSITY,
            REGION, TRONDHEIM).collect(Collectors.toMap(KnownOrganisation::id, Function.identity()));

    private final PriorityAssessment rule = new PriorityAssessment(new AssessmentWeights(20, 20, 20, 20, 20),
            MunicipalStrategy.load(null));

    @Test
    void aProjectThatDoesEverythingTheStrategyAsksScoresFull() {
        Assessment assessment = assess(new PriorityAssessment.Facts("kff", List.of("buf", "miun", "rjh", "trd"),
                "Trondheim får metoder, vi får nya kontakter för besöksnäringen.",
                List.of(indicator("RESULT")), List.of("EXPERIENCE_INDUSTRY")));

        assertThat(assessment.score()).isEqualTo(100.0);
        assertThat(assessment.maxScore()).isEqualTo(100.0);
        assertThat(assessment.criteria()).allMatch(Assessment.Criterion::met);
        assertThat(criterion(assessment, "REGIONAL_ACTORS").explanation())
                .isEqualTo("2 regionala aktörer deltar (Mittuniversitetet, Region Jämtland Härjedalen).");
        assertThat(criterion(assessment, "MUNICIPAL_OPERATIONS").explanationEn())
                .contains("2 of the municipality's operations", "Kultur- och fritidsförvaltningen");
        assertThat(criterion(assessment, "GROWTH_AREAS").explanation()).contains("Upplevelseindustri/upplevelseteknologi");
    }

    @Test
    void aProjectOfOneDepartmentAloneWithoutTargetsScoresNothing() {
        Assessment assessment = assess(new PriorityAssessment.Facts("kff", List.of("trd"), null, List.of(), List.of()));

        assertThat(assessment.score()).isZero();
        assertThat(criterion(assessment, "REGIONAL_ACTORS").explanation())
                .startsWith("Inga regionala aktörer deltar").contains("Jämtlands län");
        assertThat(criterion(assessment, "MUNICIPAL_OPERATIONS").explanation())
                .startsWith("Bara Kultur- och fritidsförvaltningen");
        assertThat(criterion(assessment, "MUTUAL_INTEREST").explanationEn()).contains("not stated");
        assertThat(criterion(assessment, "CLEAR_RESULTS").explanation()).startsWith("Inga indikatorer");
    }

    @Test
    void halfwayThereGivesHalfThePoints() {
        Assessment assessment = assess(new PriorityAssessment.Facts("kff", List.of("miun"), null,
                List.of(indicator("OUTPUT")), List.of()));

        assertThat(criterion(assessment, "REGIONAL_ACTORS").points()).isEqualTo(10.0);
        assertThat(criterion(assessment, "CLEAR_RESULTS").points()).isEqualTo(10.0);
        assertThat(criterion(assessment, "CLEAR_RESULTS").met()).isFalse();
        assertThat(assessment.score()).isEqualTo(20.0);
    }

    @Test
    void theMunicipalityItselfIsNoRegionalActorOfItsOwnProjects() {
        Assessment assessment = assess(new PriorityAssessment.Facts("kff", List.of("kommun", "miun"), null, List.of(),
                List.of()));

        assertThat(criterion(assessment, "REGIONAL_ACTORS").explanation()).isEqualTo(
                "En regional aktör deltar (Mittuniversitetet). Strategin prioriterar arbeten där flera regionala aktörer är delaktiga.");
    }

    @Test
    void weightsAreConfiguration() {
        PriorityAssessment resultsFirst = new PriorityAssessment(new AssessmentWeights(10, 10, 10, 60, 10),
                MunicipalStrategy.load(null));

        Assessment assessment = resultsFirst.assess(new PriorityAssessment.Facts("kff", List.of(), null,
                List.of(indicator("RESULT")), List.of()), KNOWN);

        assertThat(assessment.score()).isEqualTo(60.0);
        assertThat(assessment.maxScore()).isEqualTo(100.0);
    }

    private Assessment assess(PriorityAssessment.Facts facts) {
        return rule.assess(facts, KNOWN);
    }

    private static Assessment.Criterion criterion(Assessment assessment, String name) {
        return assessment.criteria().stream().filter(c -> c.criterion().equals(name)).findFirst().orElseThrow();
    }

    private static Indicator indicator(String kind) {
        return new Indicator("i-1", kind, "Deltagare", "personer", BigDecimal.ZERO, BigDecimal.TEN);
    }

    private static KnownOrganisation organisation(String id, String name, String type, String region, String parent) {
        return new KnownOrganisation(id, name, type, "PUBLIC", region.substring(0, 2), region, parent, true, List.of());
    }
}
