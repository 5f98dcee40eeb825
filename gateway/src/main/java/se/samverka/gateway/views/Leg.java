package se.samverka.gateway.views;

import se.samverka.gateway.downstream.Answer;
import tools.jackson.databind.JsonNode;

/**
 * One call of a view and what its service answered.
 *
 * @param name the name the view gives the call, as {@code degraded} lists it
 */
record Leg(String name, Answer answer) {

    boolean found() {
        return answer.ok();
    }

    boolean failed() {
        return answer.failed();
    }

    /** The body of a found answer, else null: a view leaves out what this caller may not see. */
    JsonNode bodyIfFound() {
        return found() ? answer.body() : null;
    }
}
