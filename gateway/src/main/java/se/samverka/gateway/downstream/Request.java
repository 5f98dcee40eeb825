package se.samverka.gateway.downstream;

import java.util.List;
import org.springframework.http.HttpMethod;

/**
 * A call to a service: its address relative to the service, as a URI template whose variables are encoded when it is
 * expanded, and for a change the version it was made against and its body.
 *
 * @param ifMatch the ETag the change was made against; null for none
 * @param body    sent as JSON; null for none
 */
public record Request(HttpMethod method, String uri, List<Object> variables, String ifMatch, Object body) {

    public Request {
        variables = List.copyOf(variables);
    }

    /** E.g. {@code get("/api/projects/{id}", id)}, or a path whose query is already encoded. */
    public static Request get(String uri, Object... variables) {
        return new Request(HttpMethod.GET, uri, List.of(variables), null, null);
    }

    public static Request change(HttpMethod method, String uri, String ifMatch, Object body) {
        return new Request(method, uri, List.of(), ifMatch, body);
    }
}
