package se.samverka.platform.web;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import se.samverka.platform.boot.BootDefaults;

/**
 * Adds the HTTP API defaults (samverka-web-defaults.properties) behind every other property source. Above all,
 * request bodies are strict: a field the resource does not have is an error, not silently dropped, so that nobody can
 * set what they should not (mass assignment) and typos do not pass unnoticed.
 */
public class WebDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        BootDefaults.addDefaults(environment, "samverka-web-defaults.properties");
    }
}
