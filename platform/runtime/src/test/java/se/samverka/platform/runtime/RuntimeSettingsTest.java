package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

    private final Path root = Path.of("/srv/samverka");

    @Test
    void theDefaultsAreTheDocumentedPorts() throws StartupException {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(root, Map.of());

        assertThat(settings.port("gateway")).isEqualTo(8080);
        assertThat(settings.port("kafka")).isEqualTo(9092);
        assertThat(settings.port("mongo")).isEqualTo(27017);
        assertThat(settings.home()).isEqualTo(root.resolve(".samverka"));
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void everyPortAndTheHomeCanBeSetFromTheEnvironment() throws StartupException {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(root, Map.of(
                "SAMVERKA_GATEWAY_PORT", "8090",
                "SAMVERKA_PROJECT_SERVICE_PORT", "9182",
                "SAMVERKA_HOME", "/var/lib/samverka"));

        assertThat(settings.port("gateway")).isEqualTo(8090);
        assertThat(settings.port("project-service")).isEqualTo(9182);
        assertThat(settings.logFile("kafka")).isEqualTo(Path.of("/var/lib/samverka/logs/kafka.log"));
        assertThat(RuntimeSettings.portVariable("kafka-controller")).isEqualTo("SAMVERKA_KAFKA_CONTROLLER_PORT");
    }

    @Test
    void demoDataIsLoadedOnAFirstStartUnlessTurnedOff() throws StartupException {
        assertThat(RuntimeSettings.fromEnvironment(root, Map.of()).demoData()).isTrue();
        assertThat(RuntimeSettings.fromEnvironment(root, Map.of("SAMVERKA_DEMO_DATA", "false")).demoData()).isFalse();
    }

    @Test
    void aPortThatIsNoPortSaysWhichVariableIsWrong() {
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(root, Map.of("SAMVERKA_MONGO_PORT", "mongo")))
                .isInstanceOf(StartupException.class)
                .hasMessage("SAMVERKA_MONGO_PORT=mongo is not a port number (1-65535).");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(root, Map.of("SAMVERKA_KAFKA_PORT", "70000")))
                .isInstanceOf(StartupException.class);
    }
}
