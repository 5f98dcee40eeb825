package se.samverka.platform.messaging.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import se.samverka.platform.test.TestInfrastructure;

class KafkaHealthIndicatorIT {

    private static final KafkaHealthSettings SETTINGS = new KafkaHealthSettings(Duration.ofSeconds(5), Duration.ofSeconds(2));

    @Test
    void aBrokerThatAnswersIsUpWithItsCluster() {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator(
                TestInfrastructure.get().kafkaBootstrapServers(), SETTINGS, Clock.systemUTC());
        try {
            Health health = await().atMost(Duration.ofSeconds(10))
                    .until(indicator::health, answer -> answer.getStatus().equals(Status.UP));

            assertThat(health.getDetails()).containsKey("clusterId").containsEntry("brokers", 1);
            assertThat(indicator.reachableNow()).isTrue();
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void aBrokerThatIsDownIsReportedQuicklyAndTheHealthNeverWaitsForIt() throws IOException {
        KafkaHealthIndicator indicator = new KafkaHealthIndicator("localhost:" + closedPort(), SETTINGS, Clock.systemUTC());
        try {
            long started = System.nanoTime();
            assertThat(indicator.reachableNow()).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));

            long asked = System.nanoTime();
            Health health = indicator.health();
            assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofMillis(100));
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsKeys("error", "since", "checkedAt");
        } finally {
            indicator.destroy();
        }
    }

    /** A port nothing listens on: connections to it are refused, as to a broker that has died. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
