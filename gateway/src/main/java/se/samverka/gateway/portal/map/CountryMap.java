package se.samverka.gateway.portal.map;

import java.text.Collator;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A world map of where projects and partnerships have an organisation, each country shaded by how many there are, and
 * the same figures as rows of a table for readers who do not see the map: the staff dashboard's of the whole portfolio
 * (the reports' {@code country} dimension), the public start page's of the PUBLIC projects and partnerships.
 *
 * <p>The municipality's own country is drawn apart, not shaded: nearly every project has an owner at home, so it
 * would take the top of the scale and say nothing of the international reach the map is about.
 *
 * @param areas  every outline of the map, in the map's order, then a spot for each small country with projects or
 *               partnerships, so that a reader sees it
 * @param rows   the countries with projects or partnerships: most projects first, the home country last
 * @param abroad how many of the rows are abroad
 * @param home   the home country's row; null where the report names none or there is nothing at home
 */
public record CountryMap(String viewBox, List<Area> areas, List<Row> rows, long abroad, Row home) {

    /** A spot's radius in units of the view box: about six pixels across as the dashboard draws the map. */
    private static final double SPOT = 3;

    /** The classes of the scale: projects and partnerships together, from, up to (null: and more). */
    private static final List<Band> BANDS = List.of(new Band("b1", 1, 1L), new Band("b2", 2, 3L),
            new Band("b3", 4, 7L), new Band("b4", 8, null));

    /**
     * A country's outline, or the spot that marks a small one.
     *
     * @param shade the class the page colours it by: a band's, {@code home}, or {@code none}
     * @param row   its figures; null where the portfolio has nothing there
     * @param spot  a circle marking a small country rather than its outline
     */
    public record Area(String path, String shade, Row row, boolean spot) {
    }

    /**
     * A country with projects or partnerships.
     *
     * @param name in the reader's language
     */
    public record Row(String country, String name, long projects, long partnerships, boolean home) {

        String shade() {
            return home ? "home" : BANDS.stream().filter(band -> band.holds(projects + partnerships)).findFirst()
                    .map(Band::shade).orElse("none");
        }
    }

    public record Band(String shade, long from, Long to) {

        boolean holds(long count) {
            return count >= from && (to == null || count <= to);
        }
    }

    /** The scale's classes, for the legend. */
    public List<Band> bands() {
        return BANDS;
    }

    /**
     * @param portfolio reporting-service's portfolio report
     */
    public static CountryMap ofPortfolio(JsonNode portfolio, WorldMap world, Locale locale) {
        String homeCountry = portfolio.path("homeCountry").isString() ? portfolio.path("homeCountry").asString() : null;
        return of(counts(portfolio.path("projects")), counts(portfolio.path("partnerships")), homeCountry, world,
                locale);
    }

    /**
     * @param projects     how many projects have an organisation in each country (ISO 3166-1 alpha-2)
     * @param partnerships how many partnerships do
     * @param homeCountry  the municipality's own country; null where none is known
     */
    public static CountryMap of(Map<String, Long> projects, Map<String, Long> partnerships, String homeCountry,
                                WorldMap world, Locale locale) {
        Collator collator = Collator.getInstance(locale);
        Map<String, Row> byCountry = new LinkedHashMap<>();
        Stream.concat(projects.keySet().stream(), partnerships.keySet().stream()).distinct()
                .forEach(country -> byCountry.put(country, new Row(country,
                        new Locale("", country).getDisplayCountry(locale), projects.getOrDefault(country, 0L),
                        partnerships.getOrDefault(country, 0L), country.equals(homeCountry))));
        List<Row> rows = byCountry.values().stream()
                .sorted(Comparator.comparing(Row::home)
                        .thenComparing(Comparator.comparingLong(Row::projects).reversed())
                        .thenComparing(Comparator.comparingLong(Row::partnerships).reversed())
                        .thenComparing(Row::name, collator))
                .toList();
        Stream<Area> outlines = world.outlines().stream().map(outline -> {
            Row row = byCountry.get(outline.country());
            return new Area(outline.path(), row == null ? "none" : row.shade(), row, false);
        });
        Stream<Area> spots = rows.stream().flatMap(row -> world.dot(row.country()).stream()
                .map(dot -> new Area(circle(dot), row.shade(), row, true)));
        return new CountryMap(world.viewBox(), Stream.concat(outlines, spots).toList(), rows,
                rows.stream().filter(row -> !row.home()).count(), byCountry.get(homeCountry));
    }

    /** A circle as path data: two arcs from its left edge. */
    private static String circle(WorldMap.Dot dot) {
        return String.format(Locale.ROOT, "M%.1f,%.1f a%.1f,%.1f 0 1,0 %.1f,0 a%.1f,%.1f 0 1,0 %.1f,0z", dot.x() - SPOT,
                dot.y(), SPOT, SPOT, 2 * SPOT, SPOT, SPOT, -2 * SPOT);
    }

    /**
     * How many of these projects or partnerships, as their services show them, have an organisation in each country:
     * each counted once in each of its {@code countries}, as the reports count them.
     */
    public static Map<String, Long> counted(Collection<JsonNode> items) {
        Map<String, Long> counts = new LinkedHashMap<>();
        items.forEach(item -> item.path("countries").valueStream().map(country -> country.asString(""))
                .filter(country -> country.matches("[A-Z]{2}")).distinct()
                .forEach(country -> counts.merge(country, 1L, Long::sum)));
        return counts;
    }

    /** A part's counts by country; the report's NONE (an organisation not yet read) is no place on the map. */
    private static Map<String, Long> counts(JsonNode part) {
        return part.path("by").path("country").valueStream()
                .filter(count -> count.path("key").asString("").matches("[A-Z]{2}"))
                .collect(Collectors.toMap(count -> count.path("key").asString(), count -> count.path("count").asLong(),
                        Long::sum, LinkedHashMap::new));
    }
}
