package se.samverka.gateway.downstream;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;

/**
 * What a service answered, as it came: the views put the body into their own answers untouched, the pages show it
 * (a resource, or a problem document naming what was refused) and send its ETag back with a change.
 *
 * @param status the service's status; null when it gave no answer ({@link #NONE})
 * @param body   the service's JSON; {@link NullNode} when it sent none
 * @param etag   the version of what it answered, if it says
 */
public record Answer(HttpStatusCode status, JsonNode body, String etag) {

    /** No answer: the service was not reached, was too slow, or its breaker is open. */
    public static final Answer NONE = new Answer(null, NullNode.getInstance(), null);

    /** 2xx. */
    public boolean ok() {
        return status != null && status.is2xxSuccessful();
    }

    /** 4xx: the service refused this caller or this request, 404 included (absent, or hidden from this caller). */
    public boolean refused() {
        return status != null && status.is4xxClientError();
    }

    /** No answer, or the service's own failure (5xx): what its breaker counts. */
    public boolean failed() {
        return !ok() && !refused();
    }

    public boolean is(HttpStatus expected) {
        return status != null && status.value() == expected.value();
    }
}
