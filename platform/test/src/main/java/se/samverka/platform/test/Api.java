package se.samverka.platform.test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A service's HTTP API as a client sees it, with the checks every API test makes. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RestTestClient http;

    private final String baseUrl;
    private final String token;

    public Api(String baseUrl) {
        this(baseUrl, null, null);
    }

    private Api(String baseUrl, String token, String language) {
        this.baseUrl = baseUrl;
        this.token = token;
        RestTestClient.Builder<?> builder = RestTestClient.bindToServer().baseUrl(baseUrl);
        if (token != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        if (language != null) {
            builder.defaultHeader(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        this.http = builder.build();
    }

    public static Api onPort(int port) {
        return new Api("http://localhost:" + port);
    }

    /** The same API, called with this access token. */
    public Api as(String token) {
        return new Api(baseUrl, token, null);
    }

    /** The same API, called without any token. */
    public Api anonymous() {
        return new Api(baseUrl, null, null);
    }

    /** The same API, called by the same caller asking for answers in this language (Accept-Language), e.g. sv. */
    public Api inLanguage(String language) {
        return new Api(baseUrl, token, language);
    }

    public RestTestClient http() {
        return http;
    }

    /** A resource as it came back: its body as JSON and its ETag. */
    public record Resource(JsonNode body, String etag) {

        public String id() {
            return body.path("id").asString();
        }
    }

    /** GETs a resource, expecting 200. */
    public Resource get(String uri, Object... variables) {
        var result = http.get().uri(uri, variables).exchange().expectStatus().isOk().returnResult(String.class);
        return new Resource(JSON.readTree(result.getResponseBody()), result.getResponseHeaders().getETag());
    }

    /**
     * Sends a change with the If-Match of a resource read before, expecting 200.
     *
     * @param method PUT, POST or DELETE
     */
    public Resource change(HttpMethod method, String uri, String ifMatch, Object body) {
        var request = http.method(method).uri(uri).header(HttpHeaders.IF_MATCH, ifMatch);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        var result = request.exchange().expectStatus().isOk().returnResult(String.class);
        return new Resource(JSON.readTree(result.getResponseBody()), result.getResponseHeaders().getETag());
    }

    /** Sends a change and expects it refused with this status and a problem document; returns the problem. */
    public JsonNode refused(HttpMethod method, String uri, String ifMatch, Object body, HttpStatus status) {
        var result = request(method, uri, ifMatch, body).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .returnResult(String.class);
        return JSON.readTree(result.getResponseBody());
    }

    /** The status a call answers, whatever it is: for tables of who may do what. */
    public int status(HttpMethod method, String uri, String ifMatch, Object body) {
        return request(method, uri, ifMatch, body).exchange().returnResult(String.class).getStatus().value();
    }

    private RestTestClient.RequestBodySpec request(HttpMethod method, String uri, String ifMatch, Object body) {
        var request = http.method(method).uri(uri);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request;
    }

    /** POSTs a JSON body, expects 201, and returns the new resource. */
    public Resource created(String uri, Object body) {
        var result = http.post().uri(uri).contentType(MediaType.APPLICATION_JSON).body(body).exchange()
                .expectStatus().isCreated()
                .returnResult(String.class);
        return new Resource(JSON.readTree(result.getResponseBody()), result.getResponseHeaders().getETag());
    }

    /** POSTs a JSON body, expects 201, and returns the new resource's id. */
    public String create(String uri, Object body) {
        return created(uri, body).id();
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
