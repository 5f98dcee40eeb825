package se.samverka.platform.messaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the platform's messaging and observability defaults (samverka-messaging-defaults.properties) behind every
 * other property source, so a service's own configuration can still override each of them.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    static final String RESOURCE = "samverka-messaging-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("samverkaMessagingDefaults", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
