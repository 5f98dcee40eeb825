package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @Test
    void configuresOneNodeThatIsBrokerAndControllerInKRaftMode(@TempDir Path data) throws IOException {
        Path file = data.resolve("server.properties");

        KafkaBroker.writeConfig(file, data.resolve("log"), 19092, 19093);

        Properties config = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            config.load(reader);
        }
        assertThat(config.getProperty("process.roles")).isEqualTo("broker,controller");
        assertThat(config.getProperty("controller.quorum.voters")).isEqualTo("1@localhost:19093");
        assertThat(config.getProperty("listeners")).isEqualTo("PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093");
        assertThat(config.getProperty("log.dirs")).isEqualTo(data.resolve("log").toString());
        assertThat(config.getProperty("offsets.topic.replication.factor")).isEqualTo("1");
        assertThat(config.getProperty("share.coordinator.state.topic.replication.factor")).isEqualTo("1");
    }
}
