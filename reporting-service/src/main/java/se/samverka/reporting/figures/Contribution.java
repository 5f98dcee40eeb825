package se.samverka.reporting.figures;

import java.text.Collator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.report.Tally;

/**
 * What one project adds to the figures: the values of every dimension the portfolio counts it by, its
 * organisations' countries and sectors as they were known when it was counted. Kept beside the project's entry in the
 * same write, so the figures can be set right whatever happened between the two writes; what a report's rows are
 * found and ordered by is read there too ({@link EntryPages}).
 *
 * @param regions   its organisations' regions (ISO 3166-2), where known: the map's places within a country
 * @param fromYear  the year it runs from; null when neither start is known
 * @param untilYear the year it runs until; null while open-ended (it then runs in every year from {@code fromYear},
 *                  and counts under the years until the present one)
 * @param participants its owner and partners, each counted as taking part in it while it is open
 * @param funding   its funding lines: programme, the year the money counts in, and the amounts given
 * @param unknown   the organisations it names that the read model has not heard of yet: their registration counts
 *                  the project again
 * @param score     its priority assessment's score; null until assessed
 * @param indicators its indicators, summed under each of its strategies
 * @param titleOrder its title's Swedish collation key in hexadecimal: ordered as a string, as the reports order titles
 *                   ({@link se.samverka.reporting.report.Names#ORDER}), so a store can give rows in that order
 */
record Contribution(String status, String health, List<String> strategies, List<String> actions,
                    List<String> growthAreas, String owner, List<String> countries, List<String> regions,
                    List<String> sectors,
                    List<String> programmes, String visibility, Integer fromYear, Integer untilYear,
                    List<String> participants, List<FundingPart> funding, List<String> unknown, Double score,
                    List<IndicatorPart> indicators, String titleOrder) {

    /**
     * What a kept contribution holds, counted up when that changes: one kept by an earlier version counts as none
     * kept, and the figures are counted again from the entries.
     */
    static final int VERSION = 5;

    /** What a project that is not there adds: nothing. */
    static final Contribution NONE = new Contribution(null, null, List.of(), List.of(), List.of(), null, List.of(),
            List.of(), List.of(), List.of(), null, null, null, List.of(), List.of(), List.of(), null, List.of(), null);

    /** Kept fields {@link EntryPages} reads. */
    static final String INDICATORS = "indicators";
    static final String TITLE_ORDER = "titleOrder";
    static final String COUNTRIES = "countries";
    static final String FROM_YEAR = "fromYear";
    static final String UNTIL_YEAR = "untilYear";
    static final String PARTICIPANTS = "participants";
    /** The slice of every project. */
    static final String ALL = "all";
    static final String DEPARTMENT = "department:";
    static final String STRATEGY = "strategy:";
    static final String COUNTRY = "country:";
    /** Projects that run some time in the year and have an end. */
    static final String YEAR = "year:";
    /** Open-ended projects that run from the year. */
    static final String OPEN_FROM = "open:";
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    /** The key of how many projects a slice holds. */
    static final String TOTAL = "total";
    /** In the {@code year} dimension, an open-ended project that runs from the year before the suffix. */
    static final String ONWARDS = "+";

    Contribution {
        strategies = List.copyOf(strategies);
        actions = List.copyOf(actions);
        growthAreas = List.copyOf(growthAreas);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        sectors = List.copyOf(sectors);
        programmes = List.copyOf(programmes);
        participants = List.copyOf(participants);
        funding = List.copyOf(funding);
        unknown = List.copyOf(unknown);
        indicators = List.copyOf(indicators);
    }

    /** @param organisations the organisations the read model knows, by id */
    static Contribution of(ProjectEntry project, Function<String, Optional<OrganisationEntry>> organisations) {
        if (project == null) {
            return NONE;
        }
        List<String> countries = new ArrayList<>();
        List<String> regions = new ArrayList<>();
        List<String> sectors = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String id : project.organisationIds()) {
            Optional<OrganisationEntry> organisation = organisations.apply(id);
            if (organisation.isEmpty()) {
                unknown.add(id);
                continue;
            }
            addOnce(countries, organisation.get().description().country());
            addOnce(regions, organisation.get().description().region());
            addOnce(sectors, organisation.get().description().sector());
        }
        LocalDate from = project.activeFrom();
        LocalDate until = project.activeUntil();
        return new Contribution(project.status(), project.health(), distinct(project.description().strategies()),
                distinct(project.description().actions()), distinct(project.description().growthAreas()),
                project.description().ownerOrganisationId(), countries, regions, sectors,
                distinct(project.funding().stream().map(funding -> funding.line().programme()).toList()),
                project.description().visibility(), from == null ? null : from.getYear(),
                from == null || until == null ? null : until.getYear(), project.organisationIds(),
                project.funding().stream().map(FundingPart::of).toList(), unknown, project.score(),
                project.indicators().stream().map(IndicatorPart::of).toList(),
                titleOrder(project.description().title()));
    }

    /** The key a title is ordered by, as {@link se.samverka.reporting.report.Names#ORDER} orders it. */
    static String titleOrder(String title) {
        // The key's characters compared as unsigned numbers are its bytes compared pairwise, which hex keeps.
        return title == null ? null
                : HexFormat.of().formatHex(Collator.getInstance(SWEDISH).getCollationKey(title).toByteArray());
    }

    /** Adds {@code sign} (1 or -1) times this contribution to every slice it counts in. */
    void addTo(Figures figures, int sign) {
        if (this.equals(NONE)) {
            return;
        }
        for (String slice : slices()) {
            figures.add(slice, TOTAL, sign);
            count(figures, slice, "status", status, sign);
            count(figures, slice, "health", health, sign);
            countEach(figures, slice, "strategy", strategies, sign);
            countEach(figures, slice, "action", actions, sign);
            countEach(figures, slice, "growthArea", growthAreas, sign);
            count(figures, slice, "owner", owner, sign);
            countEach(figures, slice, "country", countries, sign);
            // Only where known: no report counts the projects without a region.
            regions.forEach(region -> count(figures, slice, "region", region, sign));
            countEach(figures, slice, "sector", sectors, sign);
            countEach(figures, slice, "programme", programmes, sign);
            count(figures, slice, "visibility", visibility, sign);
            countEach(figures, slice, "year", yearKeys(), sign);
            if (!ProjectEntry.ENDED.contains(status)) {
                participants.forEach(organisation -> figures.add(slice, Counts.OPEN_BY + ":" + organisation, sign));
            }
            if ("ONGOING".equals(status)) {
                participants.forEach(organisation -> figures.add(slice, Counts.ONGOING_BY + ":" + organisation, sign));
            }
            if (!ProjectEntry.ENDED.contains(status) && score != null) {
                figures.add(slice, Counts.SCORE + ":" + score, sign);
            }
            if (!indicators.isEmpty()) {
                figures.add(slice, Counts.WITH_INDICATORS + ":true", sign);
                indicators.forEach(indicator -> indicator.addTo(figures, slice, strategies, sign));
            }
            if (!slice.startsWith(YEAR) && !slice.startsWith(OPEN_FROM)) {
                // The money counts in its own year, which the funding report filters by, not in the project's.
                funding.forEach(part -> part.addTo(figures, slice, sign));
            }
        }
    }

    /** Every slice it counts in: all, its owner's, each strategy's and country's, each year's it runs in. */
    private List<String> slices() {
        List<String> slices = new ArrayList<>();
        slices.add(ALL);
        if (owner != null) {
            slices.add(DEPARTMENT + owner);
        }
        strategies.forEach(strategy -> slices.add(STRATEGY + strategy));
        countries.forEach(country -> slices.add(COUNTRY + country));
        if (fromYear != null && untilYear == null) {
            slices.add(OPEN_FROM + fromYear);
        } else if (fromYear != null) {
            for (int year = fromYear; year <= untilYear; year++) {
                slices.add(YEAR + year);
            }
        }
        return slices;
    }

    private List<String> yearKeys() {
        if (fromYear == null) {
            return List.of();
        }
        if (untilYear == null) {
            return List.of(fromYear + ONWARDS);
        }
        List<String> years = new ArrayList<>();
        for (int year = fromYear; year <= untilYear; year++) {
            years.add(String.valueOf(year));
        }
        return years;
    }

    private static void count(Figures figures, String slice, String dimension, String key, int sign) {
        figures.add(slice, dimension + ":" + (key == null ? Tally.NONE : key), sign);
    }

    /** As {@link Tally#addEach}: once under each value, under NONE when there is none. */
    private static void countEach(Figures figures, String slice, String dimension, List<String> keys, int sign) {
        if (keys.isEmpty()) {
            count(figures, slice, dimension, null, sign);
        }
        keys.forEach(key -> count(figures, slice, dimension, key, sign));
    }

    private static void addOnce(List<String> values, String value) {
        if (value != null && !values.contains(value)) {
            values.add(value);
        }
    }

    private static List<String> distinct(List<String> values) {
        return values.stream().filter(Objects::nonNull).distinct().toList();
    }

    Document toDocument() {
        Document document = new Document();
        put(document, "status", status);
        put(document, "health", health);
        document.append("strategies", strategies).append("actions", actions).append("growthAreas", growthAreas);
        put(document, "owner", owner);
        document.append(COUNTRIES, countries).append("regions", regions).append("sectors", sectors)
                .append("programmes", programmes);
        put(document, "visibility", visibility);
        put(document, FROM_YEAR, fromYear);
        put(document, UNTIL_YEAR, untilYear);
        document.append(PARTICIPANTS, participants)
                .append("funding", funding.stream().map(FundingPart::toDocument).toList())
                .append("unknown", unknown);
        put(document, "score", score);
        document.append(INDICATORS, indicators.stream().map(IndicatorPart::toDocument).toList());
        put(document, TITLE_ORDER, titleOrder);
        return document.append("v", VERSION);
    }

    /** Whether a kept contribution holds all this version counts; one kept before does not. */
    static boolean current(Document document) {
        return document != null && document.getInteger("v", 0) == VERSION;
    }

    /**
     * @param document as {@link #toDocument} made it; null for a project not counted yet. One kept by an earlier
     *                 version reads as it was kept, what it lacks as none
     */
    static Contribution from(Document document) {
        if (document == null) {
            return NONE;
        }
        return new Contribution(document.getString("status"), document.getString("health"),
                strings(document, "strategies"), strings(document, "actions"), strings(document, "growthAreas"),
                document.getString("owner"), strings(document, COUNTRIES), strings(document, "regions"),
                strings(document, "sectors"),
                strings(document, "programmes"), document.getString("visibility"), document.getInteger(FROM_YEAR),
                document.getInteger(UNTIL_YEAR), strings(document, PARTICIPANTS),
                document.getList("funding", Document.class, List.of()).stream().map(FundingPart::from).toList(),
                strings(document, "unknown"), document.getDouble("score"),
                document.getList(INDICATORS, Document.class, List.of()).stream().map(IndicatorPart::from).toList(),
                document.getString(TITLE_ORDER));
    }

    private static void put(Document document, String key, Object value) {
        if (value != null) {
            document.append(key, value);
        }
    }

    private static List<String> strings(Document document, String key) {
        return document.getList(key, String.class, List.of());
    }
}
