package se.samverka.subscription;

import java.util.ArrayList;
import java.util.function.Predicate;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.ServiceIntegrationTest;
import se.samverka.platform.test.WebhookReceiver;
import tools.jackson.databind.JsonNode;

/**
 * subscription-service on real Kafka and a Mongo-wire server, with a real webhook receiver on 127.0.0.1, the retry
 * schedule compressed ten thousand times and name resolution scripted. Every test class shares this one context.
 */
@TestPropertySource(properties = {
        "samverka.subscriptions.sink-allowlist=localhost",
        "samverka.subscriptions.delivery.schedule-scale=0.0001",
        "samverka.subscriptions.delivery.poll-interval=200ms",
        "samverka.subscriptions.delivery.timeout=2s",
        "samverka.subscriptions.stream.keep-alive=1s"})
@Import(SubscriptionServiceTest.Scripted.class)
abstract class SubscriptionServiceTest extends ServiceIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @TestConfiguration(proxyBeanMethods = false)
    static class Scripted {

        @Bean
        @Primary
        ScriptedResolver scriptedResolver() {
            return new ScriptedResolver();
        }
    }

    @Autowired
    ScriptedResolver resolver;

    Publisher events;

    @BeforeEach
    void publisher() {
        events = new Publisher(bootstrapServers());
    }

    @AfterEach
    void closePublisher() {
        events.close();
    }

    /** A subscription body: a sink and, in pairs, more fields. */
    static Map<String, Object> subscription(String sink, Object... more) {
        Map<String, Object> body = new HashMap<>();
        body.put("sink", sink);
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    static String path(String name) {
        return "/" + name + "-" + System.nanoTime();
    }

    /** The deliveries in a subscription's log, oldest first, once the condition holds. */
    static List<JsonNode> deliveries(Api as, String subscriptionId, Predicate<List<JsonNode>> until) {
        return await().atMost(WAIT).until(() -> {
            JsonNode page = as.get("/api/subscriptions/{id}/deliveries?size=200&sort=createdAt", subscriptionId).body();
            List<JsonNode> items = new ArrayList<>();
            page.path("items").forEach(items::add);
            return items;
        }, until::test);
    }
}
