package se.samverka.platform.test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring context at the JVM's {@link TestInfrastructure}. Every context gets a database and a consumer
 * group of its own, so that contexts kept alive by Spring's context cache do not share data or split partitions. A
 * property the test class sets itself ({@code @TestPropertySource}, {@code @SpringBootTest(properties)}) wins: a test
 * of a store that is down names its own address.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "samverka");
        String isolation = application + "-test-" + CONTEXTS.incrementAndGet();
        context.getEnvironment().getPropertySources().addFirst(new KafkaWhenAskedFor(infrastructure));
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.mongodb.uri", infrastructure.mongoUri(isolation),
                "spring.cloud.stream.default.group", isolation,
                "samverka.security.issuer-uri", TestTokens.ISSUER,
                "samverka.security.jwk-set-uri", TestTokens.jwkSetUri(),
                // A generation a rebuild replaced is dropped at once: tests see it go.
                "samverka.events.rebuild.drop-after", "0s"));
        PropertySource<?> ownProperties = context.getEnvironment().getPropertySources()
                .get(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);
        if (ownProperties != null) {
            properties.keySet().removeIf(ownProperties::containsProperty);
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("samverkaTestInfrastructure",
                properties));
    }

    /** The broker's address, read only by a context that uses Kafka: the embedded broker starts then. */
    private static final class KafkaWhenAskedFor extends PropertySource<TestInfrastructure> {

        private static final String BOOTSTRAP_SERVERS = "samverka.kafka.bootstrap-servers";

        private KafkaWhenAskedFor(TestInfrastructure infrastructure) {
            super("samverkaTestKafka", infrastructure);
        }

        @Override
        public Object getProperty(String name) {
            return BOOTSTRAP_SERVERS.equals(name) ? getSource().kafkaBootstrapServers() : null;
        }
    }
}
