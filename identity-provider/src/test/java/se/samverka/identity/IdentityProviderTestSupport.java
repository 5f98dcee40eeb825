package se.samverka.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running identity provider on a random port, shared by the integration tests, with its accounts file and key
 * file in a temporary folder. Tests talk to it over real HTTP only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class IdentityProviderTestSupport {

    /** Deliberately not this server's address: the tests prove the server uses the configured issuer as given. */
    static final String ISSUER = "http://idp.samverka.test";
    static final String RUNTIME_SECRET = "runtime-secret";
    static final String PORTAL_SECRET = "portal-secret";
    static final String PORTAL_REDIRECT = "http://localhost:8080/login/oauth2/code/samverka";

    static final String ACCOUNTS = """
            {"users":[
              {"username":"admin","password":"{noop}demo-admin","name":"Anna Andersson","roles":["ADMIN"],"org":null},
              {"username":"staff","password":"{bcrypt}$2a$04$99gI9Ler2xpoLFCiIyqEUOp8ehXmZMAaMgaRBFI3JZexcj7/6SeIy",
               "name":"Sven Svensson","roles":["STAFF"],"org":"org-ostersund"}],
             "clients":[
              {"clientId":"partner-system","secret":"{noop}partner-secret","name":"Region Jämtland Härjedalen (system)",
               "roles":["PARTNER"],"org":"org-region-jh"}%s]}
            """;

    static final Path FOLDER;
    static final Path ACCOUNTS_FILE;
    static final Path KEY_FILE;

    static {
        try {
            // Under target/, so that a clean removes it.
            FOLDER = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "identity-provider-test");
            ACCOUNTS_FILE = FOLDER.resolve("accounts.json");
            // In a folder that does not exist yet: the provider creates it with the key.
            KEY_FILE = FOLDER.resolve("keys").resolve("signing-key.json");
            writeAccounts("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void identityProperties(DynamicPropertyRegistry registry) {
        registry.add("samverka.identity.issuer", () -> ISSUER);
        registry.add("samverka.identity.key-file", KEY_FILE::toString);
        registry.add("samverka.identity.accounts-file", ACCOUNTS_FILE::toString);
        registry.add("samverka.identity.access-token-ttl", () -> "7m");
        registry.add("samverka.identity.runtime-client-secret", () -> RUNTIME_SECRET);
        registry.add("samverka.identity.portal-client-secret", () -> PORTAL_SECRET);
    }

    /** Rewrites the accounts file with the base content and {@code extraClients} (JSON objects, each led by a comma). */
    static void writeAccounts(String extraClients) throws IOException {
        Files.writeString(ACCOUNTS_FILE, ACCOUNTS.formatted(extraClients));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** A client like a browser's: it keeps cookies but lets the test follow each redirect itself. */
    static HttpClient browser() {
        return HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path) {
        return send(browser(), HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** POSTs a form to the token endpoint, authenticating with client_secret_basic when a client id is given. */
    HttpResponse<String> token(String clientId, String secret, Map<String, String> form) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url("/oauth2/token")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form)));
        if (clientId != null) {
            String credentials = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return send(browser(), request.build());
    }

    HttpResponse<String> clientCredentials(String clientId, String secret) {
        return token(clientId, secret, Map.of("grant_type", "client_credentials"));
    }

    /** The access token of a successful client_credentials grant. */
    String accessToken(String clientId, String secret) {
        HttpResponse<String> response = clientCredentials(clientId, secret);
        if (response.statusCode() != 200) {
            throw new AssertionError("Token request for " + clientId + " failed: " + response.statusCode() + " "
                    + response.body());
        }
        return json(response.body()).get("access_token").asString();
    }

    /** Verifies a token with the keys this server publishes, fetched over HTTP like the services do. */
    Jwt decode(String token) {
        return decoder(port).decode(token);
    }

    static NimbusJwtDecoder decoder(int port) {
        return NimbusJwtDecoder.withJwkSetUri("http://localhost:" + port + "/oauth2/jwks").build();
    }

    static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> fields(String... keysAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }
}
