package se.samverka.project.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.samverka.project.contracts.Indicator;
import se.samverka.project.directory.KnownOrganisation;
import se.samverka.reference.MunicipalStrategy;

/**
 * The strategy's rule for what to prioritise, applied to a project's data: "Samarbeten ska bygga på ömsesidiga
 * intressen med tydlig resultatriktning. Arbeten/projekt där flera regionala aktörer är delaktiga bör prioriteras samt
 * samarbeten som rör flera verksamheter inom kommunen", and the growth programme's areas guide all of it.
 */
@Component
public class PriorityAssessment {

    /** What the rule looks at in a project. */
    public record Facts(
            String ownerOrganisationId,
            Collection<String> partnerOrganisationIds,
            String mutualInterest,
            List<Indicator> indicators,
            List<String> growthAreas) {
    }

    private final AssessmentWeights weights;
    private final MunicipalStrategy strategy;

    public PriorityAssessment(AssessmentWeights weights, MunicipalStrategy strategy) {
        this.weights = weights;
        this.strategy = strategy;
    }

    /** @param organisations what is known of the owner and the partners, by id */
    public Assessment assess(Facts facts, Map<String, KnownOrganisation> organisations) {
        List<KnownOrganisation> involved = Stream.concat(Stream.of(facts.ownerOrganisationId()),
                        facts.partnerOrganisationIds().stream())
                .distinct().map(organisations::get).filter(Objects::nonNull).toList();
        KnownOrganisation owner = organisations.get(facts.ownerOrganisationId());
        List<Assessment.Criterion> criteria = List.of(
                regionalActors(involved, owner),
                municipalOperations(involved),
                mutualInterest(facts.mutualInterest()),
                clearResults(facts.indicators()),
                growthAreas(facts.growthAreas()));
        double score = criteria.stream().mapToDouble(Assessment.Criterion::points).sum();
        double max = criteria.stream().mapToDouble(Assessment.Criterion::maxPoints).sum();
        return new Assessment(round(score), round(max), criteria);
    }

    private Assessment.Criterion regionalActors(List<KnownOrganisation> involved, KnownOrganisation owner) {
        String county = strategy.county().region();
        String municipality = owner == null ? null : owner.parentOrganisationId();
        List<String> actors = involved.stream()
                .filter(organisation -> county.equals(organisation.region()))
                .filter(organisation -> !organisation.isMunicipalOperation() && !organisation.id().equals(municipality))
                .map(KnownOrganisation::name).toList();
        double max = weights.regionalActors();
        String countyName = strategy.county().name();
        return switch (actors.size()) {
            case 0 -> new Assessment.Criterion("REGIONAL_ACTORS", 0, max, false,
                    "Inga regionala aktörer deltar: ingen organisation i " + countyName + " utanför kommunens egna verksamheter.",
                    "No regional actors take part: no organisation in " + countyName + " outside the municipality's own operations.");
            case 1 -> new Assessment.Criterion("REGIONAL_ACTORS", round(max / 2), max, false,
                    "En regional aktör deltar (" + actors.get(0) + "). Strategin prioriterar arbeten där flera regionala aktörer är delaktiga.",
                    "One regional actor takes part (" + actors.get(0) + "). The strategy prioritises work with several regional actors.");
            default -> new Assessment.Criterion("REGIONAL_ACTORS", max, max, true,
                    actors.size() + " regionala aktörer deltar (" + String.join(", ", actors) + ").",
                    actors.size() + " regional actors take part (" + String.join(", ", actors) + ").");
        };
    }

    private Assessment.Criterion municipalOperations(List<KnownOrganisation> involved) {
        List<String> operations = involved.stream().filter(KnownOrganisation::isMunicipalOperation)
                .map(KnownOrganisation::name).toList();
        double max = weights.municipalOperations();
        if (operations.size() >= 2) {
            return new Assessment.Criterion("MUNICIPAL_OPERATIONS", max, max, true,
                    operations.size() + " av kommunens verksamheter samarbetar (" + String.join(", ", operations) + ").",
                    operations.size() + " of the municipality's operations work together (" + String.join(", ", operations) + ").");
        }
        return new Assessment.Criterion("MUNICIPAL_OPERATIONS", 0, max, false,
                "Bara " + (operations.isEmpty() ? "ingen" : operations.get(0)) + " av kommunens verksamheter deltar. "
                        + "Strategin prioriterar samarbeten som rör flera verksamheter inom kommunen.",
                "Only " + (operations.isEmpty() ? "none" : operations.get(0)) + " of the municipality's operations takes part. "
                        + "The strategy prioritises cooperation across several of them.");
    }

    private Assessment.Criterion mutualInterest(String mutualInterest) {
        double max = weights.mutualInterest();
        return mutualInterest == null
                ? new Assessment.Criterion("MUTUAL_INTEREST", 0, max, false,
                        "Det ömsesidiga intresset är inte beskrivet: skriv vad varje part vinner.",
                        "The mutual interest is not stated: say what each side gains.")
                : new Assessment.Criterion("MUTUAL_INTEREST", max, max, true,
                        "Det ömsesidiga intresset är beskrivet.", "The mutual interest is stated.");
    }

    private Assessment.Criterion clearResults(List<Indicator> indicators) {
        double max = weights.clearResults();
        long results = indicators.stream().filter(indicator -> "RESULT".equals(indicator.kind())).count();
        if (results > 0) {
            return new Assessment.Criterion("CLEAR_RESULTS", max, max, true,
                    results + " resultatindikator" + (results == 1 ? "" : "er") + " med mål visar vilken förändring projektet ska ge.",
                    results == 1 ? "1 result indicator with a target shows the change the project aims for."
                            : results + " result indicators with targets show the change the project aims for.");
        }
        if (!indicators.isEmpty()) {
            return new Assessment.Criterion("CLEAR_RESULTS", round(max / 2), max, false,
                    "Bara utfallsindikatorer (vad projektet levererar); ange också en resultatindikator med mål.",
                    "Only output indicators (what the project delivers); add a result indicator with a target.");
        }
        return new Assessment.Criterion("CLEAR_RESULTS", 0, max, false,
                "Inga indikatorer med mål: strategin vill ha tydlig resultatriktning.",
                "No indicators with targets: the strategy asks for a clear focus on results.");
    }

    private Assessment.Criterion growthAreas(List<String> growthAreas) {
        double max = weights.growthAreas();
        if (growthAreas.isEmpty()) {
            return new Assessment.Criterion("GROWTH_AREAS", 0, max, false,
                    "Projektet följer inget av tillväxtprogrammets insatsområden.",
                    "The project follows none of the growth programme's areas.");
        }
        Map<String, MunicipalStrategy.Name> names = strategy.growthAreas().stream()
                .collect(Collectors.toMap(MunicipalStrategy.GrowthArea::code, MunicipalStrategy.GrowthArea::name));
        List<String> sv = new ArrayList<>();
        List<String> en = new ArrayList<>();
        growthAreas.forEach(code -> {
            sv.add(names.containsKey(code) ? names.get(code).sv() : code);
            en.add(names.containsKey(code) ? names.get(code).en() : code);
        });
        return new Assessment.Criterion("GROWTH_AREAS", max, max, true,
                "Följer tillväxtprogrammets insatsområde " + String.join(", ", sv) + ".",
                "Follows the growth programme's area " + String.join(", ", en) + ".");
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
