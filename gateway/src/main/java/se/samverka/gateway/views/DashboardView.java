package se.samverka.gateway.views;

import java.util.List;
import se.samverka.gateway.identity.Me;
import tools.jackson.databind.JsonNode;

/**
 * The staff dashboard: each part as its service gave it, null when it could not be read.
 *
 * @param portfolio  reporting-service's portfolio report
 * @param myProjects a page of the projects the caller's organisation owns; null for a caller without one
 * @param activity   the latest activity feed lines
 * @param degraded   the parts that could not be read: {@code portfolio}, {@code myProjects}, {@code activity}
 */
public record DashboardView(Me me, JsonNode portfolio, JsonNode myProjects, JsonNode activity, List<String> degraded) {
}
