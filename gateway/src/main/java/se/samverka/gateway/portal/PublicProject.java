package se.samverka.gateway.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * A project as the public start page lists it, in the reader's language where the project has words in it.
 *
 * @param status    the lifecycle status code, e.g. ONGOING (the page names it in the reader's language)
 * @param countries ISO 3166-1 alpha-2 codes of the owner and partners
 */
public record PublicProject(String id, String acronym, String title, String summary, String owner, String status,
                     List<String> countries) {

    public static PublicProject of(JsonNode project, Locale locale) {
        boolean english = "en".equals(locale.getLanguage());
        List<String> countries = new ArrayList<>();
        project.path("countries").forEach(country -> countries.add(country.asString()));
        return new PublicProject(text(project.path("id")), text(project.path("acronym")),
                english && text(project.path("titleEn")) != null ? text(project.path("titleEn"))
                        : text(project.path("title")),
                english && text(project.path("summaryEn")) != null ? text(project.path("summaryEn"))
                        : text(project.path("summary")),
                text(project.path("owner").path("name")), text(project.path("status")), List.copyOf(countries));
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
