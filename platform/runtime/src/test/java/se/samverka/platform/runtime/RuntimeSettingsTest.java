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
    void tracesAreKeptUnlessTurnedOff() throws StartupException {
        RuntimeSettings traced = RuntimeSettings.fromEnvironment(root, Map.of());
        assertThat(traced.traces()).isTrue();
        assertThat(traced.port(RuntimeSettings.TRACES)).isEqualTo(9411);
        assertThat(traced.port(RuntimeSettings.TRACE_COLLECTOR)).isEqualTo(4318);

        RuntimeSettings untraced = RuntimeSettings.fromEnvironment(root, Map.of("SAMVERKA_TRACES", "false"));
        assertThat(untraced.traces()).isFalse();
        assertThat(untraced.ports()).doesNotContainKeys(RuntimeSettings.TRACES, RuntimeSettings.TRACE_COLLECTOR);
    }

    @Test
    void aPortThatIsNoPortSaysWhichVariableIsWrong() {
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(root, Map.of("SAMVERKA_MONGO_PORT", "mongo")))
                .isInstanceOf(StartupException.class)
                .hasMessage("SAMVERKA_MONGO_PORT=mongo is not a port number (1-65535).");
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(root, Map.of("SAMVERKA_KAFKA_PORT", "70000")))
                .isInstanceOf(StartupException.class);
    }

    @Test
    void aPartThatMayRunTwiceStartsAsManyInstancesAsAsked() throws StartupException {
        RuntimeSettings settings = RuntimeSettings.fromEnvironment(root, Map.of(
                "SAMVERKA_PROJECT_SERVICE_INSTANCES", "2",
                "SAMVERKA_SUBSCRIPTION_SERVICE_INSTANCES", "2",
                "SAMVERKA_REPORTING_SERVICE_INSTANCES", "2",
                "SAMVERKA_GATEWAY_INSTANCES", "3",
                "SAMVERKA_GATEWAY_3_PORT", "9380"));

        assertThat(settings.instancesOf("project-service")).containsExactly("project-service", "project-service-2");
        assertThat(settings.port("project-service-2")).isEqualTo(8182);
        assertThat(settings.urls("project-service")).containsExactly("http://localhost:8082", "http://localhost:8182");
        assertThat(settings.instancesOf("gateway")).containsExactly("gateway", "gateway-2", "gateway-3");
        assertThat(settings.port("gateway-2")).isEqualTo(8180);
        assertThat(settings.port("gateway-3")).isEqualTo(9380);
        assertThat(settings.instancesOf("partnership-service")).containsExactly("partnership-service");
        assertThat(settings.urls("subscription-service"))
                .containsExactly("http://localhost:8084", "http://localhost:8184");
        assertThat(settings.urls("reporting-service"))
                .containsExactly("http://localhost:8083", "http://localhost:8183");
        assertThat(settings.logFile("project-service-2")).isEqualTo(root.resolve(".samverka/logs/project-service-2.log"));
        assertThat(RuntimeSettings.componentOf("project-service-2")).isEqualTo("project-service");
        assertThat(RuntimeSettings.componentOf("gateway-3")).isEqualTo("gateway");
        assertThat(RuntimeSettings.componentOf("project-service")).isEqualTo("project-service");
        assertThat(RuntimeSettings.componentOf("identity-provider")).isEqualTo("identity-provider");
    }

    @Test
    void aNumberOfInstancesOutOfRangeIsRefused() {
        assertThatThrownBy(() -> RuntimeSettings.fromEnvironment(root, Map.of("SAMVERKA_PROJECT_SERVICE_INSTANCES", "4")))
                .isInstanceOf(StartupException.class)
                .hasMessage("SAMVERKA_PROJECT_SERVICE_INSTANCES=4 is not a number of instances (1-3).");
    }
}
