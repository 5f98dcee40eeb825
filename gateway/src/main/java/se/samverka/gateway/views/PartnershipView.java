package se.samverka.gateway.views;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A partnership with its parties' organisations and the projects linked to it, each as its service gave it.
 *
 * @param partyOrganisations the parties' organisations this caller may see
 * @param projects           the linked projects this caller may see (the first page of project-service's list)
 * @param degraded           the optional parts that could not be read: {@code organisation:<id>}, {@code projects}
 */
public record PartnershipView(JsonNode partnership, List<JsonNode> partyOrganisations, List<JsonNode> projects,
                              List<String> degraded) {
}
