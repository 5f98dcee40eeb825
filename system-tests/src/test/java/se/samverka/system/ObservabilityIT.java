package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.PlatformWatch;
import se.samverka.platform.runtime.RuntimeSettings;
import se.samverka.platform.watch.Sample;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards and alert rules compose provisions (docker/grafana, docker/prometheus-alerts.yml) name only metrics
 * the running platform really exports: a renamed or never-registered metric would leave a panel empty and an alert
 * silent, which no one notices until it is needed.
 */
class ObservabilityIT {

    private static final Path ROOT = Path.of("..");
    /** A name in PromQL: a metric, a function (followed by its parenthesis) or a keyword. */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset");
    /** Written by Prometheus for each target it scrapes, not by an application. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    void everyMetricTheDashboardsAndAlertsNameIsExported() {
        Platform platform = RunningPlatform.get();
        // The gateway's metrics per route and per page exist once it has routed a call and answered a view.
        RunningPlatform.gateway().get("/api/projects?size=1");
        RunningPlatform.gateway().get("/api/views/dashboard");

        Map<String, Set<String>> exported = new TreeMap<>();
        for (String component : RuntimeSettings.REPEATABLE) {
            for (String url : platform.settings().urls(component)) {
                exported.put(url, exportedNames(url, component.equals(RuntimeSettings.GATEWAY)));
            }
        }
        String provider = platform.settings().url(RuntimeSettings.IDENTITY_PROVIDER);
        exported.put(provider, exportedNames(provider, true));

        Map<String, Set<String>> named = namedMetrics();
        assertThat(named).as("the dashboards and alerts name metrics").isNotEmpty();
        for (Map.Entry<String, Set<String>> metric : named.entrySet()) {
            assertThat(exported.values().stream().anyMatch(names -> names.contains(metric.getKey())))
                    .as("%s, named in %s, is exported by one of %s", metric.getKey(), metric.getValue(), exported.keySet())
                    .isTrue();
        }
    }

    @Test
    void theStatusCommandShowsWhatTheAlertsWatch() {
        Platform platform = RunningPlatform.get();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        new PlatformWatch(platform.settings().ports(), "localhost:" + platform.settings().port(RuntimeSettings.KAFKA))
                .print(new PrintStream(printed, true, StandardCharsets.UTF_8));

        String watch = printed.toString(StandardCharsets.UTF_8);
        assertThat(watch).contains("outbox backlog", "consumer lag", "dead letters", "gaps left open",
                "webhook deliveries");
        assertThat(watch.lines().filter(line -> line.contains("reports written by")))
                .singleElement().asString().containsPattern("reporting-service(-\\d)?$");
    }

    @Test
    void theMetricNamesAreReadFromPromQl() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (routeId, le) "
                + "(rate(spring_cloud_gateway_requests_seconds_bucket{httpStatusCode=~\"5..\"}[$__rate_interval])))"))
                .containsExactly("spring_cloud_gateway_requests_seconds_bucket");
        assertThat(metricNames("max by (group, topic) (lag) > 100 and max by (group) (delta(lag[15m])) > 0"))
                .containsExactly("lag");
        assertThat(metricNames("sum(a_total) / sum without (instance) (b_total{x=\"y and z\"}) == 0"))
                .containsExactly("a_total", "b_total");
    }

    /** Each metric the dashboards and alerts name, with where it is named. */
    private static Map<String, Set<String>> namedMetrics() {
        Map<String, Set<String>> named = new TreeMap<>();
        for (Map.Entry<String, String> expression : expressions().entrySet()) {
            metricNames(expression.getValue()).stream().filter(name -> !PROMETHEUS_OWN.contains(name))
                    .forEach(name -> named.computeIfAbsent(name, n -> new TreeSet<>()).add(expression.getKey()));
        }
        return named;
    }

    /** Every PromQL expression of the alert rules and the dashboards' panels, by where it stands. */
    private static Map<String, String> expressions() {
        Map<String, String> expressions = new TreeMap<>();
        for (Map<String, Object> group : list(load("docker/prometheus-alerts.yml").get("groups"))) {
            for (Map<String, Object> rule : list(group.get("rules"))) {
                expressions.put("alert " + rule.get("alert"), (String) rule.get("expr"));
            }
        }
        try (Stream<Path> files = Files.list(ROOT.resolve("docker/grafana/dashboards"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".json")).toList()) {
                JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(file));
                for (JsonNode panel : dashboard.path("panels")) {
                    int index = 0;
                    for (JsonNode target : panel.path("targets")) {
                        expressions.put(file.getFileName() + " \"" + panel.path("title").asString() + "\" #" + index++,
                                target.path("expr").asString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return expressions;
    }

    /** The metrics an expression reads: its names without label matchers, ranges, groupings, functions, keywords. */
    static List<String> metricNames(String promQl) {
        String bare = promQl.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*\\]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        List<String> names = new ArrayList<>();
        Matcher matcher = NAME.matcher(bare);
        while (matcher.find()) {
            String rest = bare.substring(matcher.end()).stripLeading();
            boolean function = rest.startsWith("(");
            if (!function && !KEYWORDS.contains(matcher.group()) && !names.contains(matcher.group())) {
                names.add(matcher.group());
            }
        }
        return names;
    }

    /** The names of the series an application exports, read from its Prometheus page. */
    private static Set<String> exportedNames(String url, boolean asCoordinator) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"));
        if (asCoordinator) {
            request.header("Authorization", "Bearer " + RunningPlatform.coordinatorToken());
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return Sample.parse(response.body()).stream().map(Sample::name)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> load(String file) {
        try {
            return new Yaml().load(Files.readString(ROOT.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
