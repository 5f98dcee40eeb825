package se.samverka.platform.messaging.outage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service checks its Kafka broker for {@code /actuator/health}, under {@code samverka.kafka.health}.
 *
 * @param interval how often the broker is asked in the background
 * @param timeout  how long one question may take before the broker counts as unreachable
 */
@ConfigurationProperties("samverka.kafka.health")
public record KafkaHealthSettings(
        @DefaultValue("5s") Duration interval,
        @DefaultValue("2s") Duration timeout) {
}
