package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import se.samverka.platform.runtime.RuntimeSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * docker-compose.yml cannot run on a machine without a Docker engine, so its wiring is checked here instead: every
 * application is built from the reactor, waits for healthy infrastructure, is health-checked on its own port, and is
 * reachable by the gateway and by Prometheus.
 */
class DockerComposeTest {

    private static final Path ROOT = Path.of("..");

    private final Map<String, Object> services = map(load("docker-compose.yml").get("services"));

    @Test
    void everyApplicationIsBuiltFromTheReactorAndHealthChecked() {
        for (String application : applications()) {
            Map<String, Object> service = map(services.get(application));
            assertThat(map(map(service.get("build")).get("args"))).as(application).containsEntry("MODULE", application);
            assertThat(Files.exists(ROOT.resolve(application).resolve("pom.xml"))).as(application).isTrue();
            assertThat(String.join(" ", strings(map(service.get("healthcheck")).get("test"))))
                    .as(application).contains("localhost:" + defaultPort(application) + "/actuator/health");
        }
    }

    @Test
    void servicesStartOnlyOnHealthyKafkaAndMongoDB() {
        for (String service : RuntimeSettings.SERVICES) {
            Map<String, Object> dependsOn = map(map(services.get(service)).get("depends_on"));
            assertThat(dependsOn).as(service).containsOnlyKeys("kafka", "mongo");
            dependsOn.values().forEach(condition -> assertThat(map(condition)).containsEntry("condition", "service_healthy"));
            assertThat(map(map(services.get(service)).get("environment")))
                    .containsEntry("SAMVERKA_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
                    .containsEntry("SPRING_MONGODB_URI", "mongodb://mongo:27017/" + service + "?replicaSet=rs0");
        }
        assertThat(strings(map(services.get("mongo")).get("command"))).contains("--replSet");
        assertThat(map(services.get("kafka"))).containsKey("healthcheck");
        assertThat(map(services.get("mongo"))).containsKey("healthcheck");
    }

    @Test
    void everyApplicationSendsItsSpansToTheCollectorWhichHandsThemToJaeger() {
        for (String application : Stream.concat(applications().stream(), Stream.of(RuntimeSettings.IDENTITY_PROVIDER))
                .toList()) {
            assertThat(map(map(services.get(application)).get("environment"))).as(application)
                    .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                            "http://otel-collector:4318/v1/traces");
        }
        Map<String, Object> collector = load("docker/otel-collector.yml");
        assertThat(map(map(map(map(collector.get("receivers")).get("otlp")).get("protocols")).get("http")))
                .containsEntry("endpoint", "0.0.0.0:4318");
        Map<String, Object> traces = map(map(map(collector.get("service")).get("pipelines")).get("traces"));
        assertThat(strings(traces.get("receivers"))).containsExactly("otlp");
        for (String exporter : strings(traces.get("exporters"))) {
            assertThat(map(map(collector.get("exporters")).get(exporter))).containsEntry("endpoint", "jaeger:4317");
        }
        assertThat(strings(map(services.get("jaeger")).get("ports"))).contains("16686:16686");
        assertThat(strings(map(services.get("otel-collector")).get("volumes")))
                .contains("./docker/otel-collector.yml:/etc/otelcol/config.yaml:ro");
    }

    @Test
    void theGatewayFindsEveryServiceAndWaitsForIt() {
        Map<String, Object> gateway = map(services.get(RuntimeSettings.GATEWAY));
        Map<String, Object> environment = map(gateway.get("environment"));
        for (String service : RuntimeSettings.SERVICES) {
            String name = service.replace("-service", "").toUpperCase();
            assertThat(environment).containsEntry("SAMVERKA_SERVICES_" + name, String.join(",", instances(service).stream()
                    .map(instance -> "http://" + instance + ":" + defaultPort(service)).toList()));
            assertThat(map(gateway.get("depends_on"))).containsKeys(instances(service).toArray(String[]::new));
        }
        assertThat(strings(gateway.get("ports"))).containsExactly("8080:8080");
    }

    @Test
    void whatMayRunTwiceRunsTwiceAsTheSameApplication() {
        for (String part : RuntimeSettings.REPEATABLE) {
            Map<String, Object> first = map(services.get(part));
            Map<String, Object> second = map(services.get(part + "-2"));
            assertThat(second).as(part).containsEntry("build", first.get("build"))
                    .containsEntry("environment", first.get("environment"))
                    .containsEntry("healthcheck", first.get("healthcheck"));
        }
        assertThat(strings(map(services.get(RuntimeSettings.GATEWAY + "-2")).get("ports"))).containsExactly("8180:8080");
        Map<String, Object> provider = map(map(services.get(RuntimeSettings.IDENTITY_PROVIDER)).get("environment"));
        assertThat(((String) provider.get("SAMVERKA_IDENTITY_PORTAL_REDIRECT_URIS")).split(",")).containsExactly(
                "http://localhost:8080/login/oauth2/code/samverka", "http://localhost:8180/login/oauth2/code/samverka");
    }

    @Test
    void everyApplicationTrustsTheIdentityProviderOfTheCompose() {
        Map<String, Object> provider = map(services.get(RuntimeSettings.IDENTITY_PROVIDER));
        assertThat(map(map(provider.get("build")).get("args"))).containsEntry("MODULE", RuntimeSettings.IDENTITY_PROVIDER);
        assertThat(String.join(" ", strings(map(provider.get("healthcheck")).get("test"))))
                .contains("localhost:" + defaultPort(RuntimeSettings.IDENTITY_PROVIDER) + "/actuator/health");
        String issuer = (String) map(provider.get("environment")).get("SAMVERKA_IDENTITY_ISSUER");
        assertThat(issuer).isEqualTo("http://identity-provider:" + defaultPort(RuntimeSettings.IDENTITY_PROVIDER));
        for (String application : applications()) {
            assertThat(map(map(services.get(application)).get("environment")))
                    .as(application).containsEntry("SAMVERKA_SECURITY_ISSUER_URI", issuer);
        }
        assertThat(map(map(services.get(RuntimeSettings.GATEWAY)).get("environment")))
                .containsKey("SAMVERKA_PORTAL_CLIENT_SECRET");
    }

    @Test
    void prometheusScrapesEveryApplication() {
        Map<String, Object> config = load("docker/prometheus.yml");
        List<String> targets = new ArrayList<>();
        for (Object job : (List<?>) config.get("scrape_configs")) {
            assertThat(map(job)).containsEntry("metrics_path", "/actuator/prometheus");
            targets.addAll(strings(map(((List<?>) map(job).get("static_configs")).get(0)).get("targets")));
        }

        assertThat(targets).containsExactlyInAnyOrderElementsOf(Stream.concat(applications().stream(),
                        Stream.of(RuntimeSettings.IDENTITY_PROVIDER))
                .flatMap(application -> instances(application).stream()
                        .map(instance -> instance + ":" + defaultPort(application)))
                .toList());
    }

    @Test
    void prometheusReadsTheGatewaysAndTheIdentityProvidersMetricsAsTheCoordinator() {
        Map<String, Object> gatewayJob = ((List<?>) load("docker/prometheus.yml").get("scrape_configs")).stream()
                .map(DockerComposeTest::map)
                .filter(job -> strings(map(((List<?>) job.get("static_configs")).get(0)).get("targets"))
                        .contains(RuntimeSettings.GATEWAY + ":" + defaultPort(RuntimeSettings.GATEWAY)))
                .findFirst().orElseThrow();
        assertThat(strings(map(((List<?>) gatewayJob.get("static_configs")).get(0)).get("targets")))
                .contains(RuntimeSettings.IDENTITY_PROVIDER + ":" + defaultPort(RuntimeSettings.IDENTITY_PROVIDER));
        Map<String, Object> oauth2 = map(gatewayJob.get("oauth2"));
        String issuer = (String) map(map(services.get(RuntimeSettings.IDENTITY_PROVIDER)).get("environment"))
                .get("SAMVERKA_IDENTITY_ISSUER");
        assertThat(oauth2).containsEntry("token_url", issuer + "/oauth2/token");

        Map<String, Object> accounts = load("docker/identity/accounts.json");
        assertThat(((List<?>) accounts.get("clients")).stream().map(DockerComposeTest::map)
                .filter(client -> client.get("clientId").equals(oauth2.get("client_id"))))
                .singleElement()
                .satisfies(client -> {
                    assertThat((String) client.get("secret")).endsWith("}" + oauth2.get("client_secret"));
                    assertThat(strings(client.get("roles"))).contains("ADMIN");
                });
    }

    @Test
    void prometheusLoadsTheAlertsAndGrafanaTheDashboardsFromTheRepository() {
        Map<String, Object> prometheus = map(services.get("prometheus"));
        assertThat(strings(prometheus.get("volumes")))
                .contains("./docker/prometheus-alerts.yml:/etc/prometheus/alerts.yml:ro");
        assertThat(strings(load("docker/prometheus.yml").get("rule_files"))).containsExactly("/etc/prometheus/alerts.yml");
        Map<String, Object> alerting = map(((List<?>) map(load("docker/prometheus.yml").get("alerting"))
                .get("alertmanagers")).get(0));
        assertThat(strings(map(((List<?>) alerting.get("static_configs")).get(0)).get("targets")))
                .containsExactly("alertmanager:9093");
        assertThat(strings(map(services.get("alertmanager")).get("volumes")))
                .contains("./docker/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        assertThat(strings(map(services.get("grafana")).get("volumes")))
                .contains("./docker/grafana/dashboards:/var/lib/grafana/dashboards:ro");
        Map<String, Object> provider = map(((List<?>) load("docker/grafana/provisioning/dashboards/samverka.yml")
                .get("providers")).get(0));
        assertThat(map(provider.get("options"))).containsEntry("path", "/var/lib/grafana/dashboards");
        String source = (String) map(((List<?>) load("docker/grafana/provisioning/datasources/prometheus.yml")
                .get("datasources")).get(0)).get("uid");
        assertThat(dashboardsSources()).as("the data sources the dashboards' panels name").containsOnly(source);
    }

    @Test
    void everyAlertSaysHowSevereItIsAndHasARunbook() throws IOException {
        Set<String> anchors = Files.readAllLines(ROOT.resolve("docs/operations.md")).stream()
                .filter(line -> line.startsWith("#")).map(DockerComposeTest::anchor).collect(Collectors.toSet());
        List<?> groups = (List<?>) load("docker/prometheus-alerts.yml").get("groups");
        List<Map<String, Object>> rules = groups.stream().flatMap(group -> ((List<?>) map(group).get("rules")).stream())
                .map(DockerComposeTest::map).toList();
        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            assertThat(map(rule.get("labels")).get("severity")).as((String) rule.get("alert")).isIn("critical", "warning");
            String runbook = (String) map(rule.get("annotations")).get("runbook");
            assertThat(runbook).as((String) rule.get("alert")).startsWith("docs/operations.md#");
            assertThat(anchors).as("the runbook of " + rule.get("alert")).contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    /** A heading's anchor as GitHub makes it: lower case, without punctuation, spaces as hyphens. */
    private static String anchor(String heading) {
        return heading.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    private static Set<String> dashboardsSources() {
        try (Stream<Path> files = Files.list(ROOT.resolve("docker/grafana/dashboards"))) {
            Set<String> sources = new HashSet<>();
            for (Path file : files.toList()) {
                for (JsonNode panel : JsonMapper.builder().build().readTree(Files.readString(file)).path("panels")) {
                    if (!panel.path("type").asString().equals("row")) {
                        sources.add(panel.path("datasource").path("uid").asString());
                    }
                }
            }
            return sources;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> applications() {
        return Stream.concat(RuntimeSettings.SERVICES.stream(), Stream.of(RuntimeSettings.GATEWAY)).toList();
    }

    /** The compose's services that run this application: itself, and its second instance where it runs twice. */
    private static List<String> instances(String application) {
        return RuntimeSettings.REPEATABLE.contains(application) ? List.of(application, application + "-2")
                : List.of(application);
    }

    /** The port an application listens on unless told otherwise, from its application.yml. */
    private static int defaultPort(String application) {
        Map<String, Object> configuration = load(application + "/src/main/resources/application.yml");
        return (Integer) map(configuration.get("server")).get("port");
    }

    private static Map<String, Object> load(String file) {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(file))) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<String>) value;
    }
}
