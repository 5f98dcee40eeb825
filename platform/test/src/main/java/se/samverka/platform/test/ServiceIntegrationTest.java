package se.samverka.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import se.samverka.platform.events.EventEnvelope;

/**
 * A service under test on real infrastructure, as its clients see it: its HTTP API and the events it publishes.
 */
@IntegrationTest
public abstract class ServiceIntegrationTest {

    private static final Duration EVENTS_WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    private int port;
    @Value("${samverka.kafka.bootstrap-servers}")
    private String bootstrapServers;

    /** The service's API, called by the coordinator (ADMIN); {@code api.as(...)} for anyone else. */
    protected Api api;
    protected KafkaTopicReader kafka;

    @BeforeEach
    void connectToTheService() {
        api = Api.onPort(port).as(TestTokens.admin());
        kafka = new KafkaTopicReader(bootstrapServers);
    }

    protected String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Another instance of the service under test, as {@code SAMVERKA_<SERVICE>_INSTANCES=2} runs it: the same
     * application on the same store, broker and consumer group as the test's own, on a port of its own, with
     * {@code more} arguments; the caller closes it.
     */
    protected static ConfigurableApplicationContext anotherInstance(Class<?> application, Environment first,
                                                                    String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--logging.level.root=WARN",
                "--spring.mongodb.uri=" + first.getRequiredProperty("spring.mongodb.uri"),
                "--spring.cloud.stream.default.group=" + first.getRequiredProperty("spring.cloud.stream.default.group"),
                "--samverka.kafka.bootstrap-servers=" + first.getRequiredProperty("samverka.kafka.bootstrap-servers"),
                "--samverka.security.issuer-uri=" + TestTokens.ISSUER,
                "--samverka.security.jwk-set-uri=" + TestTokens.jwkSetUri()));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(application).run(arguments.toArray(String[]::new));
    }

    /** The port an instance started by {@link #anotherInstance} listens on. */
    protected static int port(ConfigurableApplicationContext instance) {
        return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** The aggregate's events on the topic, once there are at least {@code count}. */
    protected List<EventEnvelope> awaitEvents(String topic, String aggregateId, int count) {
        return await().atMost(EVENTS_WAIT).until(() -> kafka.eventsOf(topic, aggregateId), events -> events.size() >= count);
    }
}
