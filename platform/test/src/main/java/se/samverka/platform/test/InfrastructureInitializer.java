package se.samverka.platform.test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring context at the JVM's {@link TestInfrastructure}. Every context gets a database and a consumer
 * group of its own, so that contexts kept alive by Spring's context cache do not share data or split partitions.
 */
public class InfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String application = context.getEnvironment().getProperty("spring.application.name", "samverka");
        String isolation = application + "-test-" + CONTEXTS.incrementAndGet();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("samverkaTestInfrastructure", Map.of(
                "samverka.kafka.bootstrap-servers", infrastructure.kafkaBootstrapServers(),
                "spring.mongodb.uri", infrastructure.mongoUri(isolation),
                "spring.cloud.stream.default.group", isolation,
                "samverka.security.issuer-uri", TestTokens.ISSUER,
                "samverka.security.jwk-set-uri", TestTokens.jwkSetUri())));
    }
}
