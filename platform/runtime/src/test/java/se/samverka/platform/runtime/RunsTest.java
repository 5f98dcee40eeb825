package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a launcher leaves for {@code ./samverka status} in another terminal, whose environment may differ. */
class RunsTest {

    @TempDir
    Path directory;

    @Test
    void theLaunchersPortsAreReadBackUntilItStops() {
        Runs runs = new Runs(directory);
        assertThat(runs.recordedPorts()).isEmpty();

        runs.recordLauncher(Map.of("gateway", 8080, "gateway-2", 8180, "project-service-2", 8182));

        assertThat(new Runs(directory).recordedPorts()).hasValueSatisfying(ports -> assertThat(ports)
                .containsExactly(Map.entry("gateway", 8080), Map.entry("gateway-2", 8180),
                        Map.entry("project-service-2", 8182)));
        runs.clear();
        assertThat(runs.recordedPorts()).isEmpty();
    }
}
