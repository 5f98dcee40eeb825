package se.samverka.platform.messaging.outage;

import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import se.samverka.platform.messaging.MessagingAutoConfiguration;

/**
 * A service whose MongoDB or Kafka broker is down says so quickly: its MongoDB client gives up within a second (the
 * request then gets a 503 from platform-web), and its health shows which of the two is down without waiting for it.
 */
@AutoConfiguration(after = MessagingAutoConfiguration.class)
@EnableConfigurationProperties({MongoTimeouts.class, KafkaHealthSettings.class})
public class OutageAutoConfiguration {

    @Bean
    MongoClientDefaults mongoClientDefaults(MongoTimeouts timeouts) {
        return new MongoClientDefaults(timeouts);
    }

    /** Static: it post-processes the database factory, which other configurations need early. */
    @Bean
    static StoreOutageTranslator storeOutageTranslator() {
        return new StoreOutageTranslator();
    }

    /** Shown as {@code kafka} in /actuator/health, beside {@code mongo}. */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(@Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                                              KafkaHealthSettings settings, Clock clock) {
        return new KafkaHealthIndicator(bootstrapServers, settings, clock);
    }
}
