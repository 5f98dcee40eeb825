package se.samverka.gateway.portal.introduction;

import java.util.ArrayList;
import java.util.List;
import se.samverka.gateway.identity.Caller;
import se.samverka.platform.tokens.Role;
import tools.jackson.databind.JsonNode;

/**
 * An introduction as its page shows it: its two sides with their answers, and what the reader may do with it.
 * Partnership-service decides each answer and outcome; the page offers only what it would take.
 *
 * @param sides         the interest's organisation and the counterpart's, each with its answer if it gave one
 * @param mayRecord     whether the reader may record an outcome: the introduction was accepted, and the reader is the
 *                      coordinator or of the proposer's or either side's organisation
 * @param projectOwners the organisations whose projects an outcome may name: the two sides
 */
record Introduction(JsonNode introduction, List<Side> sides, boolean mayRecord, List<String> projectOwners) {

    /** The values of an outcome, in the order the form offers them. */
    static final List<String> OUTCOMES = List.of("MEETING", "JOINT_APPLICATION", "PROJECT_REGISTERED", "NOTHING");

    /**
     * One side of an introduction.
     *
     * @param answer    ACCEPTED or DECLINED; null while it has not answered
     * @param mayAnswer whether the reader may answer for this side: a member of its organisation, or the coordinator
     *                  on its behalf, while it has not answered and the introduction is not declined
     * @param onBehalf  whether the reader would answer on the side's behalf (the coordinator), naming the organisation
     */
    record Side(String organisationId, String name, String answer, String at, boolean mayAnswer, boolean onBehalf) {
    }

    static Introduction of(JsonNode introduction, Caller caller) {
        boolean admin = caller.role() == Role.ADMIN;
        boolean open = "PROPOSED".equals(introduction.path("status").asString());
        List<Side> sides = new ArrayList<>();
        List<String> owners = new ArrayList<>();
        for (String side : List.of("organisation", "counterpartOrganisation")) {
            String organisationId = text(introduction.path(side + "Id"));
            if (organisationId == null) {
                continue;
            }
            owners.add(organisationId);
            JsonNode answer = answer(introduction, organisationId);
            boolean own = organisationId.equals(caller.organisationId());
            sides.add(new Side(organisationId, text(introduction.path(side + "Name")),
                    answer == null ? null : text(answer.path("answer")), answer == null ? null : text(answer.path("at")),
                    open && answer == null && (own || admin), admin && !own));
        }
        boolean involved = admin || caller.organisationId() != null
                && (owners.contains(caller.organisationId())
                || caller.organisationId().equals(text(introduction.path("proposedByOrganisationId"))));
        return new Introduction(introduction, List.copyOf(sides),
                "ACCEPTED".equals(introduction.path("status").asString()) && involved, List.copyOf(owners));
    }

    private static JsonNode answer(JsonNode introduction, String organisationId) {
        for (JsonNode answer : introduction.path("answers")) {
            if (organisationId.equals(text(answer.path("organisationId")))) {
                return answer;
            }
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isEmpty() ? node.asString() : null;
    }
}
