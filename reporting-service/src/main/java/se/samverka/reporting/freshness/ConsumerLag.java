package se.samverka.reporting.freshness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.Topics;

/**
 * How many events on the topics the live consumers have not yet applied: the end of each partition less the offset
 * the service's consumer group committed. Asked of the broker at most once a second, and never for longer than two:
 * a report is served without it rather than late.
 */
@Component
class ConsumerLag implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ConsumerLag.class);
    private static final Duration MAX_AGE = Duration.ofSeconds(1);
    private static final long TIMEOUT_MILLIS = 2000;

    private final Admin admin;
    private final String group;
    private final Clock clock;
    private volatile Measured last = new Measured(null, null, Instant.MIN);

    /**
     * @param events  not yet applied
     * @param applied applied and committed by the consumer group, summed over the partitions
     */
    private record Measured(Long events, Long applied, Instant at) {
    }

    ConsumerLag(@Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                @Value("${spring.cloud.stream.default.group}") String group, Clock clock) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MILLIS,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MILLIS));
        this.group = group;
        this.clock = clock;
    }

    Optional<Long> events() {
        return Optional.ofNullable(measured().events());
    }

    /**
     * How many events the consumer group has applied and committed, all its instances together: it grows with every
     * batch any of them applies.
     */
    Optional<Long> applied() {
        return Optional.ofNullable(measured().applied());
    }

    private Measured measured() {
        Measured measured = last;
        Instant now = clock.instant();
        if (measured.at().plus(MAX_AGE).isBefore(now)) {
            measured = measure(now);
            last = measured;
        }
        return measured;
    }

    private Measured measure(Instant now) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(Topics.ALL).allTopicNames()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(partition -> new TopicPartition(topic.name(), partition.partition())))
                    .collect(Collectors.toMap(Function.identity(), partition -> OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(ends).all()
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            long events = end.entrySet().stream().mapToLong(partition -> {
                OffsetAndMetadata offset = committed.get(partition.getKey());
                return Math.max(0, partition.getValue().offset() - (offset == null ? 0 : offset.offset()));
            }).sum();
            long applied = end.keySet().stream().map(committed::get).filter(Objects::nonNull)
                    .mapToLong(OffsetAndMetadata::offset).sum();
            return new Measured(events, applied, now);
        } catch (ExecutionException | TimeoutException e) {
            log.debug("The consumer lag is unknown now: {}", e.toString());
            return unknown(now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(now);
        }
    }

    /**
     * The lag unknown, what the group had applied as last known: a broker too busy to answer in time is no sign that
     * anything was applied, and reports kept from before would otherwise be computed again (ADR 0023).
     */
    private Measured unknown(Instant now) {
        return new Measured(null, last.applied(), now);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }
}
