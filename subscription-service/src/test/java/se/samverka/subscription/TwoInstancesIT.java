package se.samverka.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import se.samverka.platform.test.TestTokens;

/**
 * Two instances of the service on one store and in one consumer group, as {@code SAMVERKA_SUBSCRIPTION_SERVICE_INSTANCES=2}
 * runs them: they split the topics' partitions between them, and a live stream at either hears every event (ADR 0027).
 */
class TwoInstancesIT extends SubscriptionServiceTest {

    private static ConfigurableApplicationContext second;
    private static int secondPort;

    @LocalServerPort
    int port;

    /** The other instance, with this one's settings. */
    @BeforeAll
    static void startTheSecondInstance(@Autowired Environment first) {
        second = anotherInstance(SubscriptionServiceApplication.class, first,
                "--samverka.subscriptions.sink-allowlist=localhost",
                "--samverka.subscriptions.delivery.schedule-scale=0.0001",
                "--samverka.subscriptions.delivery.poll-interval=200ms",
                "--samverka.subscriptions.delivery.timeout=2s",
                "--samverka.subscriptions.stream.keep-alive=1s");
        secondPort = port(second);
    }

    @AfterAll
    static void stopTheSecondInstance() {
        second.close();
    }

    @Test
    void aLiveStreamAtEitherInstanceHearsEveryEvent() {
        String partner = TestTokens.partner("org-" + UUID.randomUUID());
        try (LiveStream atFirst = LiveStream.open(port, partner);
             LiveStream atSecond = LiveStream.open(secondPort, partner)) {
            // Enough projects that, keyed at random, they fall in the partitions of both instances.
            List<String> ids = IntStream.range(0, 12)
                    .mapToObj(i -> events.project("p-" + UUID.randomUUID(), "org-dept", "COUNTY").id())
                    .map(id -> "id:" + id).toList();

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(atFirst.lines()).containsAll(ids);
                assertThat(atSecond.lines()).containsAll(ids);
            });
            assertThat(atSecond.lines().stream().filter(ids::contains)).as("each event heard once").hasSize(ids.size());
        }
    }
}
