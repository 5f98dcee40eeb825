package se.samverka.gateway.portal.operations;

import tools.jackson.databind.JsonNode;

/**
 * A service's latest rebuild of its read models, as its operator API ({@code GET /api/operations/rebuilds}, newest
 * first) tells.
 *
 * @param service    the service asked
 * @param answered   false when the service did not answer
 * @param state      RUNNING, COMPLETED or FAILED; null when it has rebuilt nothing
 * @param startedAt  when it started, in the municipality's time
 * @param finishedAt when it ended; null while it runs
 * @param failure    why it failed, when it did
 */
record LatestRebuild(String service, boolean answered, String state, String startedAt, String finishedAt, Long events,
                     String failure) {

    static LatestRebuild none(String service) {
        return new LatestRebuild(service, true, null, null, null, null, null);
    }

    static LatestRebuild notAnswering(String service) {
        return new LatestRebuild(service, false, null, null, null, null, null);
    }

    /** The newest of the rebuilds a service listed: a list, or a page of them under {@code items}. */
    static LatestRebuild of(String service, JsonNode rebuilds) {
        JsonNode newest = (rebuilds.isArray() ? rebuilds : rebuilds.path("items")).path(0);
        if (!newest.isObject()) {
            return none(service);
        }
        return new LatestRebuild(service, true, newest.path("state").asString(null),
                Operations.time(newest.path("startedAt")), Operations.time(newest.path("finishedAt")),
                newest.path("events").isNumber() ? newest.path("events").asLong() : null,
                newest.path("failure").asString(null));
    }

    public boolean rebuilt() {
        return state != null;
    }

    public boolean needsAPerson() {
        return "FAILED".equals(state);
    }
}
