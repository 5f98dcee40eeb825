package se.samverka.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import se.samverka.platform.test.InfrastructureInitializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running identity provider on a random port, shared by the integration tests, with its store on the JVM's
 * Mongo-wire server, its seed and key file in a temporary folder, and a mail server that keeps what it is sent.
 * Tests talk to it over real HTTP only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = InfrastructureInitializer.class)
abstract class IdentityProviderTestSupport {

    /** Deliberately not this server's address: the tests prove the server uses the configured issuer as given. */
    static final String ISSUER = "http://idp.samverka.test";
    static final String RUNTIME_SECRET = "runtime-secret";
    static final String PORTAL_SECRET = "portal-secret";
    static final String PORTAL_REDIRECT = "http://localhost:8080/login/oauth2/code/samverka";
    static final String PORTAL = "http://localhost:8080/";
    static final String OSTERSUND = "org-ostersund";
    static final String OTHER = "org-other";

    /** The seed: people of each kind the access rules tell apart, and a machine client. */
    static final String ACCOUNTS = """
            {"users":[
              {"username":"admin","password":"{noop}demo-admin","name":"Anna Andersson","roles":["ADMIN"],"org":null},
              {"username":"staff","password":"{bcrypt}$2a$04$99gI9Ler2xpoLFCiIyqEUOp8ehXmZMAaMgaRBFI3JZexcj7/6SeIy",
               "name":"Sven Svensson","roles":["STAFF"],"org":"org-ostersund"},
              {"username":"lead","password":"{noop}demo-lead","name":"Lena Ledare","roles":["STAFF"],
               "org":"org-ostersund","lead":true,"email":"lena.ledare@ostersund.test"},
              {"username":"other-lead","password":"{noop}demo-other-lead","name":"Otto Annan","roles":["STAFF"],
               "org":"org-other","lead":true},
              {"username":"company","password":"{noop}demo-company","name":"Cecilia Bolag","roles":["COMPANY"],
               "org":"org-ostersund"},
              {"username":"partner","password":"{noop}demo-partner","name":"Per Partner","roles":["PARTNER"],
               "org":"org-region-jh"}],
             "clients":[
              {"clientId":"partner-system","secret":"{noop}partner-secret","name":"Region Jämtland Härjedalen (system)",
               "roles":["PARTNER"],"org":"org-region-jh"}%s]}
            """;

    static final Path FOLDER;
    static final Path ACCOUNTS_FILE;
    static final Path KEY_FILE;
    static final MailCatcher MAIL = new MailCatcher();

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
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    /** The people's access tokens, one login each per JVM: every login costs a password hash. */
    private static final Map<String, String> PERSON_TOKENS = new ConcurrentHashMap<>();

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
        registry.add("samverka.identity.portal-url", () -> PORTAL);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
    }

    /** Rewrites the seed with the base content and {@code extraClients} (JSON objects, each led by a comma). */
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

    /** A person's access token, from one login through the portal's client per JVM. */
    String personToken(String username, String password) {
        return PERSON_TOKENS.computeIfAbsent(username, name -> new Browser().logIn(name, password)
                .get("access_token").asString());
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

    static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow(() -> new AssertionError("No redirect: "
                + response.statusCode() + " " + response.body()));
    }

    static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("the form carries a CSRF token").isTrue();
        return matcher.group(1);
    }

    /** An e-mail address no account has. */
    static String newEmail() {
        return "person-" + UUID.randomUUID() + "@example.test";
    }

    /** The last mail to this address, once it has come. */
    static MailCatcher.Received awaitMail(String address, int count) {
        List<MailCatcher.Received> mails = await().atMost(Duration.ofSeconds(10))
                .until(() -> MAIL.to(address), received -> received.size() >= count);
        return mails.get(mails.size() - 1);
    }

    /** The one link to this provider in a text. */
    static String linkIn(String text) {
        Matcher matcher = Pattern.compile(Pattern.quote(ISSUER) + "(/\\S+)").matcher(text);
        assertThat(matcher.find()).as("a link in %s", text).isTrue();
        return matcher.group(1);
    }

    /** The API of this provider, called with a bearer token (or none). */
    HttpResponse<String> api(String method, String path, String token, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(browser(), request.build());
    }

    /** A browser with its own cookies, on this provider's pages. */
    class Browser {

        final HttpClient client = browser();

        HttpResponse<String> browse(String method, String path, Map<String, String> form) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : url(path)))
                    .header("Accept", "text/html");
            if (form == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded")
                        .method(method, HttpRequest.BodyPublishers.ofString(form(form)));
            }
            return send(client, request.build());
        }

        HttpResponse<String> get(String path) {
            return browse("GET", path, null);
        }

        /** Fills in a form of the page and posts it, with the page's CSRF token. */
        HttpResponse<String> post(String path, HttpResponse<String> page, String... keysAndValues) {
            Map<String, String> form = fields(keysAndValues);
            form.put("_csrf", csrf(page));
            return browse("POST", path, form);
        }

        /** Starts the portal's authorization request: the provider sends a browser not logged in to its login. */
        HttpResponse<String> authorize() {
            return get("/oauth2/authorize?" + form(fields("response_type", "code", "client_id", "samverka-portal",
                    "scope", "openid profile", "redirect_uri", PORTAL_REDIRECT, "state", "s", "nonce", "n")));
        }

        /** Submits the login form; answers where the provider sends the browser. */
        HttpResponse<String> submitLogin(String username, String password) {
            return post("/login", get("/login"), "username", username, "password", password);
        }

        /** Follows a redirect to this provider. */
        HttpResponse<String> follow(HttpResponse<String> redirect) {
            return get(location(redirect));
        }

        /** The portal's tokens, once the browser was sent back to the portal with a code. */
        JsonNode tokens(HttpResponse<String> toPortal) {
            assertThat(location(toPortal)).startsWith(PORTAL_REDIRECT + "?");
            String code = UriComponentsBuilder.fromUriString(location(toPortal)).build().getQueryParams()
                    .getFirst("code");
            HttpResponse<String> exchange = token("samverka-portal", PORTAL_SECRET, fields("grant_type",
                    "authorization_code", "code", code, "redirect_uri", PORTAL_REDIRECT));
            assertThat(exchange.statusCode()).as(exchange.body()).isEqualTo(200);
            return json(exchange.body());
        }

        /** A whole login through the portal's client: authorize, log in, come back with a code, exchange it. */
        JsonNode logIn(String username, String password) {
            authorize();
            HttpResponse<String> loggedIn = submitLogin(username, password);
            assertThat(location(loggedIn)).as("%s logged in", username).startsWith(url("/oauth2/authorize?"));
            return tokens(follow(loggedIn));
        }
    }
}
