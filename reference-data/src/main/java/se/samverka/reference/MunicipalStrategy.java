package se.samverka.reference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The municipality's international strategy as reference data: its strategies and their actions, the growth
 * programme's areas, and the county whose organisations are regional actors. Read from a file, so that another
 * municipality brings its own: {@code samverka.strategy.file}, by default Östersund's strategy of 2007.
 */
public record MunicipalStrategy(
        String municipality,
        County county,
        String title,
        List<Strategy> strategies,
        List<GrowthArea> growthAreas) {

    public static final String DEFAULT_RESOURCE = "reference/strategy-ostersund-2007.json";

    public MunicipalStrategy {
        strategies = List.copyOf(strategies);
        growthAreas = List.copyOf(growthAreas);
    }

    /** @param region ISO 3166-2 code of the county, e.g. {@code SE-Z}: organisations there are regional actors */
    public record County(String name, String region) {
    }

    public record Name(String sv, String en) {
    }

    public record Action(String code, String sv) {
    }

    public record Strategy(String code, Name name, List<Action> actions) {
    }

    public record GrowthArea(String code, Name name) {
    }

    /** The strategy in the given file, or the default one when the location is blank. */
    public static MunicipalStrategy load(String file) {
        return ReferenceFiles.read(file, DEFAULT_RESOURCE, MunicipalStrategy.class);
    }

    public Optional<Strategy> strategy(String code) {
        return strategies.stream().filter(strategy -> strategy.code().equals(code)).findFirst();
    }

    /** Every action, by its code (e.g. {@code S3.1}). */
    public Map<String, Action> actions() {
        return strategies.stream().flatMap(strategy -> strategy.actions().stream())
                .collect(Collectors.toMap(Action::code, Function.identity()));
    }

    public boolean isGrowthArea(String code) {
        return growthAreas.stream().anyMatch(area -> area.code().equals(code));
    }
}
