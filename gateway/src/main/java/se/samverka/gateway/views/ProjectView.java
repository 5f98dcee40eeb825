package se.samverka.gateway.views;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A project with what other services know of it. Every part is the owning service's JSON as it came.
 *
 * @param partnerOrganisations the partners' organisations this caller may see (partnership-service)
 * @param partnerships         the partnerships the project is linked to that this caller may see
 * @param figures              the project in the reports (reporting-service); null until it is there
 * @param degraded             the optional parts that could not be read: {@code organisation:<id>},
 *                             {@code partnership:<id>}, {@code reporting}
 */
public record ProjectView(JsonNode project, List<JsonNode> partnerOrganisations, List<JsonNode> partnerships,
                          JsonNode figures, List<String> degraded) {
}
