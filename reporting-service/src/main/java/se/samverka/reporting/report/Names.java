package se.samverka.reporting.report;

import java.text.CollationKey;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.samverka.reference.FundingProgrammes;
import se.samverka.reference.MunicipalStrategy;

/** What a person reads for the codes reports count by: countries, strategies, growth areas, programmes. */
@Component
public class Names {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** Names and titles in Swedish alphabetical order (å, ä, ö last), absent ones last. */
    public static final Comparator<String> ORDER =
            Comparator.nullsLast(Comparator.comparing(name -> name, Collator.getInstance(SWEDISH)));
    private static final Comparator<Named<?>> BY_KEY =
            Comparator.comparing(Named::key, Comparator.nullsLast(Comparator.naturalOrder()));

    /**
     * Collects into a list in the order of {@link #ORDER} by a name, each name's collation key made once: comparing
     * two names with the collator normalizes both at every comparison, which was most of a report's time with tens of
     * thousands of projects. Equal names keep the order they came in.
     */
    public static <T> Collector<T, ?, List<T>> byName(Function<T, String> name) {
        Collator collator = Collator.getInstance(SWEDISH);
        return Collectors.collectingAndThen(Collectors.toList(), items -> items.stream()
                .map(item -> new Named<>(collator.getCollationKey(name.apply(item)), item))
                .sorted(BY_KEY)
                .<T>map(Named::item)
                .toList());
    }

    private record Named<T>(CollationKey key, T item) {
    }

    private final MunicipalStrategy strategy;
    private final FundingProgrammes programmes;

    public Names(MunicipalStrategy strategy, FundingProgrammes programmes) {
        this.strategy = strategy;
        this.programmes = programmes;
    }

    /** A country's Swedish name from its ISO 3166-1 code; the code where Java knows no name. */
    public static String country(String code) {
        return countryIn(code, SWEDISH);
    }

    public static String countryEn(String code) {
        return countryIn(code, Locale.ENGLISH);
    }

    /** A country's name in the language from its ISO 3166-1 code; the code where Java knows no name. */
    public static String countryIn(String code, Locale language) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = new Locale("", code).getDisplayCountry(language);
        return name.isBlank() ? code : name;
    }

    public String strategy(String code) {
        return strategy.strategy(code).map(found -> found.name().sv()).orElse(code);
    }

    public String strategyEn(String code) {
        return strategy.strategy(code).map(found -> found.name().en()).orElse(code);
    }

    public String growthArea(String code) {
        return strategy.growthAreas().stream().filter(area -> area.code().equals(code))
                .map(area -> area.name().sv()).findFirst().orElse(code);
    }

    public String programme(String code) {
        return programmes.programme(code).map(programme -> programme.name().sv()).orElse(code);
    }

    public String programmeEn(String code) {
        return programmes.programme(code).map(programme -> programme.name().en()).orElse(code);
    }

    public String municipality() {
        return strategy.municipality();
    }

    /** The municipality's own country, from its county's ISO 3166-2 code (SE-Z: SE); null where there is none. */
    public String homeCountry() {
        String county = strategy.county() == null ? null : strategy.county().region();
        return county == null || county.length() < 2 ? null : county.substring(0, 2);
    }
}
