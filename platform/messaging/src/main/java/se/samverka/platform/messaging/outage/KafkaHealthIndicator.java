package se.samverka.platform.messaging.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Kafka broker answers, asked in the background ({@code describeCluster}, a metadata request) with a short
 * timeout: {@code /actuator/health} shows the latest answer at once and never waits for a broker that is down.
 * Operations that cannot do without the broker ask {@link #reachableNow()} first, so they refuse quickly instead of
 * hanging. Writes do not: they keep their events in the outbox until the broker is back.
 */
public class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

    private final Admin admin;
    private final KafkaHealthSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-health");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Check last;

    /**
     * One answer of the broker, or its absence.
     *
     * @param downSince when the broker stopped answering; null while it answers
     */
    record Check(Instant at, String clusterId, int brokers, String error, Instant downSince) {

        boolean reachable() {
            return error == null;
        }
    }

    public KafkaHealthIndicator(String bootstrapServers, KafkaHealthSettings settings, Clock clock) {
        int timeout = (int) settings.timeout().toMillis();
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeout,
                AdminClientConfig.CLIENT_ID_CONFIG, "health-check"));
        this.settings = settings;
        this.clock = clock;
        checker.scheduleWithFixedDelay(this::check, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Health health() {
        Check check = last;
        if (check == null) {
            return Health.unknown().withDetail("checked", "not yet").build();
        }
        if (check.reachable()) {
            return Health.up().withDetail("clusterId", check.clusterId()).withDetail("brokers", check.brokers())
                    .withDetail("checkedAt", check.at().toString()).build();
        }
        return Health.down().withDetail("error", check.error()).withDetail("since", check.downSince().toString())
                .withDetail("checkedAt", check.at().toString()).build();
    }

    /** Asks the broker now, waiting at most {@code samverka.kafka.health.timeout}. */
    public boolean reachableNow() {
        return check().reachable();
    }

    private Check check() {
        Check previous = last;
        Instant now = clock.instant();
        Check check;
        try {
            DescribeClusterResult cluster = admin.describeCluster();
            long timeout = settings.timeout().toMillis();
            Collection<Node> nodes = cluster.nodes().get(timeout, TimeUnit.MILLISECONDS);
            check = new Check(now, cluster.clusterId().get(timeout, TimeUnit.MILLISECONDS), nodes.size(), null, null);
        } catch (ExecutionException e) {
            check = unreachable(now, String.valueOf(e.getCause()), previous);
        } catch (RuntimeException e) {
            // Not only for the answer: a task of the scheduler that throws is never run again.
            check = unreachable(now, e.toString(), previous);
        } catch (TimeoutException e) {
            check = unreachable(now, "no answer within " + settings.timeout().toMillis() + " ms", previous);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return previous == null ? unreachable(now, "interrupted", null) : previous;
        }
        last = check;
        return check;
    }

    private static Check unreachable(Instant now, String error, Check previous) {
        Instant since = previous == null || previous.reachable() ? now : previous.downSince();
        return new Check(now, null, 0, error, since);
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
        admin.close(Duration.ofSeconds(2));
    }
}
