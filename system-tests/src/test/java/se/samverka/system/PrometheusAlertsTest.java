package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules' own unit tests (docker/prometheus-alerts-test.yml), run by Prometheus's promtool: each alert fires
 * on the series it is about, after its "for", and a healthy platform raises none. promtool comes from Debian's
 * prometheus package; .ci/run fetches it (without installing or starting the server).
 */
class PrometheusAlertsTest {

    private static final Path DOCKER = Path.of("..", "docker");
    /** Where .ci/run puts the promtool it takes from Debian's package, when the machine has none on its path. */
    private static final Path FETCHED = Path.of(System.getProperty("user.home"), ".cache", "samverka", "promtool");

    @Test
    void everyAlertFiresWhenItShouldAndOnlyThen() throws Exception {
        String output = promtool("test", "rules", "prometheus-alerts-test.yml");

        assertThat(output).contains("SUCCESS").doesNotContain("FAILED");
    }

    @Test
    void everyAlertHasACaseWhereItFires() {
        Set<String> alerts = ((List<?>) load("prometheus-alerts.yml").get("groups")).stream()
                .flatMap(group -> ((List<?>) ((Map<?, ?>) group).get("rules")).stream())
                .map(rule -> (String) ((Map<?, ?>) rule).get("alert")).collect(Collectors.toSet());
        Set<String> firing = ((List<?>) load("prometheus-alerts-test.yml").get("tests")).stream()
                .flatMap(test -> ((List<?>) ((Map<?, ?>) test).get("alert_rule_test")).stream())
                .map(check -> (Map<?, ?>) check)
                .filter(check -> !((List<?>) check.get("exp_alerts")).isEmpty())
                .map(check -> (String) check.get("alertname")).collect(Collectors.toSet());

        assertThat(firing).containsExactlyInAnyOrderElementsOf(alerts);
    }

    private static String promtool(String... arguments) throws IOException, InterruptedException {
        Stream<Path> onThePath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(folder -> !folder.isBlank()).map(folder -> Path.of(folder, "promtool"));
        Path promtool = Stream.of(Optional.ofNullable(System.getenv("PROMTOOL")).map(Path::of).stream(), onThePath,
                        Stream.of(FETCHED))
                .flatMap(candidates -> candidates).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("No promtool: run .ci/run, or apt-get install prometheus, "
                        + "or set PROMTOOL"));
        Process process = new ProcessBuilder(Stream.concat(Stream.of(promtool.toString()), Stream.of(arguments)).toList())
                .directory(DOCKER.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool ended").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static Map<String, Object> load(String file) {
        try {
            return new Yaml().load(Files.readString(DOCKER.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
