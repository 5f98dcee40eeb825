package se.samverka.platform.messaging;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import se.samverka.platform.boot.BootDefaults;

/**
 * Adds the platform's messaging defaults (samverka-messaging-defaults.properties) behind every other property source,
 * so a service's own configuration can still override each of them.
 */
public class MessagingDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        BootDefaults.addDefaults(environment, "samverka-messaging-defaults.properties");
    }
}
