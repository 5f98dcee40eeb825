package se.samverka.gateway.views;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A page of the shared project catalogue.
 *
 * @param items         the projects as project-service lists them
 * @param organisations owner organisations project-service could not name, by id, from partnership-service
 * @param degraded      the owners that could not be read: {@code organisation:<id>}
 */
public record CatalogueView(List<JsonNode> items, Page page, Map<String, JsonNode> organisations,
                            List<String> degraded) {

    /** @param number zero-based */
    public record Page(int number, int size, long totalItems, int totalPages) {
    }
}
