package se.samverka.platform.web;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Request bodies are strict: a field the resource does not have is an error, not silently dropped, so that nobody
 * can set what they should not (mass assignment) and typos do not pass unnoticed. Added behind every other
 * property source.
 */
public class WebDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource("samverkaWebDefaults", Map.of(
                "spring.jackson.deserialization.fail-on-unknown-properties", "true",
                "spring.jackson.deserialization.fail-on-null-for-primitives", "true",
                "server.error.whitelabel.enabled", "false")));
    }
}
