package se.samverka.gateway.portal.start;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * What the start page's visitor searches the PUBLIC projects for: words in their acronym, titles and summaries (as
 * project-service searches, without regard to case), a global theme, a status and a country. The page has every
 * PUBLIC project at hand for its map, so it searches them itself: one question to project-service serves both.
 *
 * @param q       words; null for any
 * @param theme   a global theme's code; null for any
 * @param status  a lifecycle status's code; null for any
 * @param country ISO 3166-1 alpha-2 of the owner or a partner; null for any
 */
record PublicSearch(String q, String theme, String status, String country) {

    static PublicSearch of(Map<String, String> filters) {
        String q = filters.get("q");
        return new PublicSearch(q == null ? null : q.toLowerCase(Locale.ROOT), filters.get("theme"),
                filters.get("status"), filters.get("country"));
    }

    boolean matches(JsonNode project) {
        return (q == null || Stream.of("acronym", "title", "titleEn", "summary", "summaryEn")
                        .map(project::path).filter(JsonNode::isString)
                        .anyMatch(text -> text.asString().toLowerCase(Locale.ROOT).contains(q)))
                && (theme == null || contains(project.path("themes"), theme))
                && (status == null || status.equals(project.path("status").asString("")))
                && (country == null || contains(project.path("countries"), country));
    }

    private static boolean contains(JsonNode array, String value) {
        return StreamSupport.stream(array.spliterator(), false).anyMatch(element -> value.equals(element.asString("")));
    }
}
