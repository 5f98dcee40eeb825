package se.samverka.gateway;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway in front of stand-in services that say who they are, what they were asked and with what. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"logging.level.root=WARN", "logging.level.se.samverka=INFO"})
class GatewayRoutingTest {

    private static final Map<String, HttpServer> SERVICES = Map.of(
            "partnership", standIn("partnership"),
            "project", standIn("project"),
            "reporting", standIn("reporting"));

    @LocalServerPort
    int port;

    private WebTestClient http;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, server) ->
                registry.add("samverka.services." + name, () -> "http://localhost:" + server.getAddress().getPort()));
        registry.add("samverka.services.subscription", () -> "http://localhost:" + closedPort());
    }

    @AfterAll
    static void stop() {
        SERVICES.values().forEach(server -> server.stop(0));
    }

    @BeforeEach
    void client() {
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void routesEachApiToTheServiceThatOwnsIt() {
        expectRouted("/api/organisations", "partnership");
        expectRouted("/api/organisations/42", "partnership");
        expectRouted("/api/partnerships/7", "partnership");
        expectRouted("/api/contact-persons/3/export", "partnership");
        expectRouted("/api/projects", "project");
        expectRouted("/api/projects/9?status=IDEA", "project");
        expectRouted("/api/reference", "project");
        expectRouted("/api/reports/portfolio", "reporting");
    }

    @Test
    void passesMethodAndBodyThrough() {
        http.post().uri("/api/projects").contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"T\"}")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("project")
                .jsonPath("$.method").isEqualTo("POST")
                .jsonPath("$.body").isEqualTo("{\"title\":\"T\"}");
    }

    @Test
    void aServiceThatIsDownIs503WithAProblemDocument() {
        http.get().uri("/api/subscriptions").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Service unavailable");
    }

    @Test
    void anAddressNoServiceOwnsIs404() {
        http.get().uri("/api/nothing-here").exchange().expectStatus().isNotFound();
    }

    @Test
    void isHealthyOnItsOwn() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private void expectRouted(String uri, String service) {
        http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo(service)
                .jsonPath("$.path").isEqualTo(uri);
    }

    private static HttpServer standIn(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String answer = "{\"service\":\"%s\",\"method\":\"%s\",\"path\":\"%s\",\"body\":%s}".formatted(name,
                        exchange.getRequestMethod(), exchange.getRequestURI(),
                        "\"" + body.replace("\\", "\\\\").replace("\"", "\\\"") + "\"");
                byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
