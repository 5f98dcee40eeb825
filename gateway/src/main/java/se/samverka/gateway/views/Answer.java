package se.samverka.gateway.views;

import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.JsonNode;

/**
 * What one call to a service came back with. The body is the service's JSON as it came: the views put it into
 * their own answers untouched.
 *
 * @param leg    the name the view gives the call, as {@code degraded} lists it
 * @param status the service's status; null when it did not answer
 */
record Answer(String leg, Outcome outcome, HttpStatusCode status, JsonNode body) {

    enum Outcome {
        /** 2xx. */
        FOUND,
        /** 404: absent, or hidden from this caller. */
        MISSING,
        /** Another 4xx: refused for this caller or this request. */
        REFUSED,
        /** 5xx, a timeout, no connection, or the breaker open. */
        FAILED
    }

    boolean found() {
        return outcome == Outcome.FOUND;
    }

    boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** The body of a found answer, else null: a view leaves out what this caller may not see. */
    JsonNode bodyIfFound() {
        return found() ? body : null;
    }
}
