package se.samverka.gateway.portal.dashboard;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import se.samverka.gateway.portal.PublicProject;
import se.samverka.gateway.portal.map.CountryMap;
import se.samverka.gateway.portal.map.WorldMap;
import se.samverka.gateway.views.DashboardView;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard as its page shows it: each figure with the words a reader needs, in the reader's language, taken from
 * the view's parts as their services gave them.
 *
 * @param map      the world map of the portfolio; null when the portfolio could not be read
 * @param degraded the parts that could not be read, so the page can say what is missing rather than show nothing
 */
record Dashboard(long projects, long partnerships, List<Bar> byStatus, List<Bar> byStrategy, List<Bar> byGrowthArea,
                 List<Bar> byOwner, CountryMap map, List<PublicProject> myProjects, boolean hasOrganisation,
                 List<Line> activity, List<String> degraded) {

    /**
     * One value of a dimension, counted.
     *
     * @param key   the code, for the page to name it where the service gave no name (statuses)
     * @param label the service's name for it, if any
     */
    record Bar(String key, String label, long count) {
    }

    /**
     * One line of the activity feed.
     *
     * @param when as a reader in Östersund reads the time, e.g. 2026-11-28 14:05
     */
    record Line(String when, String text) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Stockholm"));

    static Dashboard of(DashboardView view, Locale locale, WorldMap world) {
        JsonNode projects = view.portfolio() == null ? null : view.portfolio().path("projects");
        JsonNode partnerships = view.portfolio() == null ? null : view.portfolio().path("partnerships");
        boolean english = "en".equals(locale.getLanguage());
        return new Dashboard(
                projects == null ? 0 : projects.path("total").asLong(),
                partnerships == null ? 0 : partnerships.path("total").asLong(),
                bars(projects, "status"), bars(projects, "strategy"), bars(projects, "growthArea"),
                bars(projects, "owner"),
                view.portfolio() == null ? null : CountryMap.ofPortfolio(view.portfolio(), world, locale),
                list(view.myProjects() == null ? null : view.myProjects().path("items"),
                        project -> PublicProject.of(project, locale)),
                view.me().organisationId() != null,
                list(view.activity() == null ? null : view.activity().path("lines"), line -> new Line(
                        WHEN.format(Instant.parse(line.path("time").asString())),
                        english && line.path("textEn").isString() ? line.path("textEn").asString()
                                : line.path("text").asString())),
                view.degraded());
    }

    private static List<Bar> bars(JsonNode part, String dimension) {
        return list(part == null ? null : part.path("by").path(dimension), count -> new Bar(
                count.path("key").asString(), count.path("name").isString() ? count.path("name").asString() : null,
                count.path("count").asLong()));
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> each) {
        List<T> items = new ArrayList<>();
        if (array != null) {
            array.forEach(element -> items.add(each.apply(element)));
        }
        return List.copyOf(items);
    }
}
