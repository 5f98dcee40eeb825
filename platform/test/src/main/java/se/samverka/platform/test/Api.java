package se.samverka.platform.test;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** A service's HTTP API as a client sees it, with the checks every API test makes. */
public final class Api {

    private final RestTestClient http;

    public Api(String baseUrl) {
        this.http = RestTestClient.bindToServer().baseUrl(baseUrl).build();
    }

    public static Api onPort(int port) {
        return new Api("http://localhost:" + port);
    }

    public RestTestClient http() {
        return http;
    }

    /** POSTs a JSON body, expects 201, and returns the new resource's id. */
    public String create(String uri, Object body) {
        Map<?, ?> created = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) created.get("id");
    }

    /**
     * POSTs a body (a JSON string is sent as it is) and expects an RFC 9457 problem document with this status that
     * names {@code field} among its errors (no field: the body was not JSON).
     */
    public void expectProblem(String uri, Object body, HttpStatus status, String field) {
        var response = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(status.value());
        if (field != null) {
            response.jsonPath("$.errors[?(@.field == '" + field + "')].reason").exists();
        }
    }
}
