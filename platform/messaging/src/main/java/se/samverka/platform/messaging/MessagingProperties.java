package se.samverka.platform.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event backbone, under {@code samverka.events}. The broker itself is
 * {@code samverka.kafka.bootstrap-servers}.
 *
 * @param partitions        partitions of each event topic when it is created
 * @param replicationFactor replicas of each event topic (1 on the embedded runtime; 3 in production)
 */
@ConfigurationProperties("samverka.events")
public record MessagingProperties(
        @DefaultValue("6") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue Relay relay,
        @DefaultValue Consumer consumer,
        @DefaultValue Reconciliation reconciliation,
        @DefaultValue DeadLetters deadLetters,
        @DefaultValue Rebuild rebuild) {

    /**
     * @param pollInterval how long the relay waits for a write before it tries again what it could not publish
     * @param sweepInterval how often the relay reads every outbox collection for pending events no write told it of
     *                     (another instance's, or left by a crash)
     * @param lease        how long an instance may hold an aggregate while publishing its events; after a crash,
     *                     another instance takes over its pending events once this has passed
     * @param batchSize    aggregates per collection and pass
     * @param deliveryTimeout how long the broker has to acknowledge an event before the relay counts it as not
     *                     published and sends it again in a later pass; shorter than the lease
     */
    public record Relay(
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("10s") Duration sweepInterval,
            @DefaultValue("10s") Duration lease,
            @DefaultValue("200") int batchSize,
            @DefaultValue("8s") Duration deliveryTimeout) {
    }

    /**
     * @param retryInterval    first pause before a failed record is tried again
     * @param maxRetryInterval longest pause while an outage of MongoDB or Kafka is waited out
     * @param attempts         tries of a record that fails for another reason before it is dead-lettered
     */
    public record Consumer(
            @DefaultValue("1s") Duration retryInterval,
            @DefaultValue("30s") Duration maxRetryInterval,
            @DefaultValue("3") int attempts) {
    }

    /**
     * @param firstAfter how long after the start the read models are first held against the log
     * @param interval   how often after that
     */
    public record Reconciliation(
            @DefaultValue("30s") Duration firstAfter,
            @DefaultValue("5m") Duration interval) {
    }

    /**
     * @param countEvery how often the dead letters neither replayed nor discarded are counted again (for the gauge
     *                   {@code samverka_events_dead_letters_open}); between counts it follows what this instance parks
     *                   and decides
     */
    public record DeadLetters(@DefaultValue("1m") Duration countEvery) {
    }

    /**
     * @param dropAfter how long a generation of the read models that a rebuild replaced is kept, for the reads of the
     *                  service's other instances to move on from it
     */
    public record Rebuild(@DefaultValue("1m") Duration dropAfter) {
    }
}
