package se.samverka.platform.test;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
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

    /** The aggregate's events on the topic, once there are at least {@code count}. */
    protected List<EventEnvelope> awaitEvents(String topic, String aggregateId, int count) {
        return await().atMost(EVENTS_WAIT).until(() -> kafka.eventsOf(topic, aggregateId), events -> events.size() >= count);
    }
}
