package se.samverka.platform.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds a platform library's defaults (a properties file on the classpath) behind every other property source, so an
 * application's own configuration can still override each of them. This one adds the observability defaults;
 * other platform libraries add theirs through {@link #addDefaults}.
 */
public class BootDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        addDefaults(environment, "samverka-boot-defaults.properties");
    }

    public static void addDefaults(ConfigurableEnvironment environment, String resource) {
        try {
            new PropertiesPropertySourceLoader().load(resource, new ClassPathResource(resource))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
