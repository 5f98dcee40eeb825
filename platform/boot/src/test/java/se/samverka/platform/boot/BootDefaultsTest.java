package se.samverka.platform.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class BootDefaultsTest {

    @Test
    void addsTheObservabilityDefaultsBehindTheApplicationsOwnConfiguration() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("management.tracing.sampling.probability", "0.1", "spring.application.name", "project-service")));

        new BootDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("management.tracing.sampling.probability")).isEqualTo("0.1");
        assertThat(environment.getProperty("management.endpoints.web.exposure.include")).contains("prometheus", "health");
        assertThat(environment.getProperty("management.metrics.tags.application")).isEqualTo("project-service");
    }
}
