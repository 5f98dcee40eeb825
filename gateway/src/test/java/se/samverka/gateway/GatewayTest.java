package se.samverka.gateway;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import se.samverka.platform.test.InfrastructureInitializer;
import se.samverka.platform.test.TestTokens;

/**
 * The gateway on a real port in front of stand-in services on real ports, trusting the tokens of {@link TestTokens},
 * keeping its sessions in a database of its own on the JVM's Mongo-wire server (or MongoDB container). Every test
 * class that extends this without changing properties shares one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.root=WARN",
        "samverka.portal.client-secret=test-secret",
        "samverka.gateway.rate-limit.capacity=100000",
        "samverka.gateway.downstream.leg-timeout=500ms",
        "samverka.gateway.downstream.breaker.minimum-number-of-calls=4",
        "samverka.gateway.downstream.breaker.sliding-window-size=4",
        "samverka.gateway.downstream.breaker.wait-in-open-state=60s",
        "samverka.gateway.downstream.rest-after-refusal=0s",
        "samverka.gateway.revocations.poll-interval=200ms"})
@ContextConfiguration(initializers = InfrastructureInitializer.class)
public abstract class GatewayTest {

    protected static final StubService PARTNERSHIP = new StubService("partnership");
    protected static final StubService PROJECT = new StubService("project");
    protected static final StubService REPORTING = new StubService("reporting");
    /** The identity provider's accounts API; its signing keys are {@link TestTokens}'. */
    protected static final StubService IDENTITY = new StubService("identity");

    /**
     * Where a service is down: a port below the ephemeral range, where nothing listens, so a connection there is
     * refused at once. A free port of the ephemeral range would not do: connecting to it many times, the client is
     * now and then given that same port for its own end, connects to itself and waits for an answer.
     */
    protected static final String DOWN = "http://localhost:1";

    /** Where the contexts made from now on find subscription-service; down unless a test class brings it up. */
    protected static volatile String subscriptionService = DOWN;

    @LocalServerPort
    protected int port;

    @Autowired
    protected ReactiveResilience4JCircuitBreakerFactory breakers;

    protected WebTestClient http;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("samverka.services.partnership", PARTNERSHIP::url);
        // Two instances of project-service, the first one down: every call to it is balanced (ADR 0026), and one in
        // two is refused first and goes on to the instance that is up.
        registry.add("samverka.services.project", () -> DOWN + "," + PROJECT.url());
        registry.add("samverka.services.reporting", REPORTING::url);
        // Nothing listens there unless a test class says otherwise: a service that is down.
        registry.add("samverka.services.subscription", () -> subscriptionService);
        registry.add("samverka.services.identity", IDENTITY::url);
        registry.add("samverka.security.issuer-uri", () -> TestTokens.ISSUER);
        registry.add("samverka.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    @BeforeEach
    void freshStart() {
        PARTNERSHIP.reset();
        PROJECT.reset();
        REPORTING.reset();
        IDENTITY.reset();
        breakers.getCircuitBreakerRegistry().getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        // The first page a context renders compiles its templates, which on a busy machine takes more than the
        // client's default 5 s.
        http = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(30))
                .build();
    }

    protected static String bearer(String token) {
        return "Bearer " + token;
    }
}
