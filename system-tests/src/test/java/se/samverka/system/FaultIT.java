package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.Topics;
import se.samverka.platform.test.Api;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.platform.test.WebhookReceiver;
import se.samverka.project.contracts.ProjectContracts;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.RuntimeSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Faults of every part of the running platform, each under a steady write load through the gateway. After each, the
 * platform must hold every write it acknowledged, in its store and on its topic; announce nothing its store lacks;
 * apply nothing twice; deliver a webhook for every registration to a partner that follows the owner; and bring
 * every read model (reporting's, project-service's directory, subscription-service's view, partnership-service's
 * project links) to equal its source without anyone rebuilding it, within {@link #CONVERGENCE}. A table of what
 * each fault did is printed at the end and kept in {@code target/fault-table.md}.
 *
 * <p>Each test brings back what it broke, in {@code finally}, and needs nothing of any other test.
 *
 * <p>On demand, with {@code -Dsamverka.test.instances=2}, the whole suite runs on a platform whose every part that
 * may run more than once runs twice ({@link RunningPlatform}; ADR 0026, ADR 0027): a kill then ends one of the two
 * instances, and of the writes it may cost only those under way at that instance when it was killed.
 */
class FaultIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Writes arriving per second, and at most under way at once. */
    private static final int RATE = 8;
    private static final int UNDER_WAY = 8;
    /** How long after the last write every read model must equal its source. */
    private static final Duration CONVERGENCE = Duration.ofSeconds(90);
    private static final Duration PART_BACK = Duration.ofSeconds(120);
    private static final List<Row> TABLE = new CopyOnWriteArrayList<>();
    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    /** One line of the table. */
    private record Row(String fault, int acknowledged, int notAcknowledged, int lost, int phantom, long duplicates,
                       int webhooksExpected, int webhooksDelivered, int webhooksRedelivered, Duration converged) {
    }

    /** A fault: what causes it, and what ends it (also run when the test fails). */
    private interface Fault {
        void inject() throws Exception;

        void repair() throws Exception;
    }

    @Test
    void theMongoWireServerIsKilled() throws Exception {
        survives("kill -9 of the Mongo-wire server", killed(RuntimeSettings.MONGO));
    }

    @Test
    void theBrokerIsKilled() throws Exception {
        survives("kill -9 of the Kafka broker", killed(RuntimeSettings.KAFKA));
    }

    /**
     * The broker stopped (SIGTERM) and started again. While it is down the writes go on into the outbox, and what
     * cannot do without it is refused quickly, naming it: a rebuild of the reports, and a service's health.
     */
    @Test
    void theBrokerRestarts() throws Exception {
        Platform platform = RunningPlatform.get();
        Api gateway = RunningPlatform.gateway();
        Api partnershipService = new Api(platform.settings().url("partnership-service")).anonymous();
        survives("restart of the Kafka broker", new Fault() {
            @Override
            public void inject() {
                platform.stop(RuntimeSettings.KAFKA);
                long started = System.nanoTime();
                JsonNode rebuild = gateway.refused(HttpMethod.POST, "/api/reports/rebuilds", null, null,
                        HttpStatus.SERVICE_UNAVAILABLE);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a rebuild refused quickly")
                        .isLessThan(Duration.ofSeconds(4));
                assertThat(rebuild.path("dependency").asString()).isEqualTo("Kafka");
                await("the service's health names the broker").atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                    var health = partnershipService.http().get().uri("/actuator/health").exchange()
                            .returnResult(String.class);
                    assertThat(health.getStatus().value()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
                    assertThat(JSON.readTree(health.getResponseBody()).path("components").path("kafka")
                            .path("status").asString()).isEqualTo("DOWN");
                });
                assertThat(partnershipService.status(HttpMethod.GET, "/actuator/health/readiness", null, null))
                        .as("still takes writes").isEqualTo(200);
            }

            @Override
            public void repair() throws Exception {
                platform.ensureRunning(RuntimeSettings.KAFKA);
            }
        });
    }

    @Test
    void partnershipServiceIsKilled() throws Exception {
        killedOnce("kill -9 of partnership-service", "partnership-service");
    }

    @Test
    void projectServiceIsKilled() throws Exception {
        killedOnce("kill -9 of project-service", "project-service");
    }

    @Test
    void reportingServiceIsKilled() throws Exception {
        killedOnce("kill -9 of reporting-service", writingInstanceOfReporting());
    }

    @Test
    void subscriptionServiceIsKilled() throws Exception {
        killedOnce("kill -9 of subscription-service", "subscription-service");
    }

    @Test
    void theGatewayIsKilled() throws Exception {
        killedOnce("kill -9 of the gateway", RuntimeSettings.GATEWAY);
    }

    /**
     * Every instance of reporting-service is stopped (not killed) until the broker gives up on its consumers, then
     * goes on where it was: a writer that held its lease throughout writes on (ADR 0025).
     */
    @Test
    void aConsumerStopsPastItsSessionTimeout() throws Exception {
        Platform platform = RunningPlatform.get();
        String bootstrap = platform.settings().kafkaBootstrapServers();
        List<Long> pids = platform.settings().instancesOf("reporting-service").stream()
                .map(instance -> platform.process(instance).orElseThrow().pid()).toList();
        survives("reporting-service stopped past its session timeout", new Fault() {
            @Override
            public void inject() throws Exception {
                for (long pid : pids) {
                    signal("STOP", pid);
                }
                await("the broker gives up on reporting-service's consumers").atMost(Duration.ofSeconds(60))
                        .until(() -> groupMembers(bootstrap, "reporting-service") == 0);
            }

            @Override
            public void repair() throws Exception {
                for (long pid : pids) {
                    signal("CONT", pid);
                }
                await("reporting-service's consumers join again").atMost(PART_BACK)
                        .until(() -> groupMembers(bootstrap, "reporting-service") > 0);
            }
        });
    }

    @Test
    void aPoisonRecordComes() throws Exception {
        Platform platform = RunningPlatform.get();
        String key = "poison-" + UUID.randomUUID();
        survives("a poison record on samverka.projects", new Fault() {
            @Override
            public void inject() {
                try (KafkaRecordWriter writer = new KafkaRecordWriter(platform.settings().kafkaBootstrapServers())) {
                    writer.send(ProjectContracts.PROJECTS, key, Map.of("content-type", "application/json"),
                            "{\"not\":\"an event\"");
                }
            }

            @Override
            public void repair() {
                // Nothing to end: the consumers must have passed it by themselves.
            }
        });
        try (Consistency platformState = consistency()) {
            for (String group : List.of("reporting-service", "subscription-service", "partnership-service")) {
                assertThat(platformState.deadLettered(Topics.deadLetter(ProjectContracts.PROJECTS, group))).as(group)
                        .contains(key);
            }
        }
    }

    @Test
    void aWebhookSinkIsSlow() throws Exception {
        String path = "/slow-" + UUID.randomUUID();
        survives("a webhook sink answering after 2 s", path, new Fault() {
            @Override
            public void inject() {
                RECEIVER.slow(path, Duration.ofSeconds(2));
            }

            @Override
            public void repair() {
                RECEIVER.slow(path, Duration.ZERO);
            }
        });
    }

    @Test
    void readModelsLoseWrites() throws Exception {
        survives("read models lose writes (entries deleted)", "/lost-" + UUID.randomUUID(), load -> new Fault() {
            @Override
            public void inject() {
                try (Consistency platformState = consistency()) {
                    Document some = new Document("_id", new Document("$in", load.projects().stream().limit(3).toList()));
                    platformState.database("reporting-service").getCollection(Consistency.reportingCollection(
                            platformState.database("reporting-service"), "projects_g")).deleteMany(some);
                    platformState.serving("subscription-service", "projects").deleteMany(some);
                    platformState.serving("partnership-service", "project_links").deleteMany(some);
                    platformState.serving("project-service", "known_organisations")
                            .deleteOne(new Document("_id", load.owner()));
                    assertThat(platformState.readModelDifferences()).as("the losses").hasSizeGreaterThanOrEqualTo(4);
                }
            }

            @Override
            public void repair() {
                // Nothing: no later event reveals these losses, so the reconciliation must find them.
            }
        });
    }

    /**
     * A part that may run more than once is killed: when it runs twice, the other instance goes on taking the load,
     * and only the writes under way at the killed one may go unacknowledged.
     */
    private static void killedOnce(String name, String component) throws Exception {
        boolean twice = RunningPlatform.INSTANCES > 1;
        Row row = survives(twice ? name + ", one of " + RunningPlatform.INSTANCES + " instances" : name,
                killed(component));
        if (twice) {
            assertThat(row.notAcknowledged()).as("writes not acknowledged while another instance was up")
                    .isLessThanOrEqualTo(UNDER_WAY);
        }
    }

    private static Row survives(String name, Fault fault) throws Exception {
        return survives(name, "/fault-" + UUID.randomUUID(), load -> fault);
    }

    private static Row survives(String name, String sinkPath, Fault fault) throws Exception {
        return survives(name, sinkPath, load -> fault);
    }

    /** Runs a fault under load, repairs it, and checks and records what the platform did. */
    private static Row survives(String name, String sinkPath, Function<WriteLoad, Fault> faultOf)
            throws Exception {
        Platform platform = RunningPlatform.get();
        Api gateway = RunningPlatform.gateway();
        Api partner = new Api(platform.gatewayUrl()).as(RunningPlatform.token("partner-system", "demo-partner-system"));
        String tag = "Fault " + UUID.randomUUID().toString().substring(0, 8);
        String owner = gateway.create("/api/organisations",
                Map.of("name", tag + " förvaltning", "type", "DEPARTMENT", "country", "SE"));
        String subscription = partner.create("/api/subscriptions", Map.of("sink", RECEIVER.sink(sinkPath),
                "types", List.of(ProjectContracts.PROJECT_REGISTERED.type()), "projects", Map.of("owners", List.of(owner))));
        Instant lastWrite;
        WriteLoad load = new WriteLoad(platform.gatewayUrls(), RunningPlatform.coordinatorToken(), tag, owner, RATE,
                UNDER_WAY);
        try {
            await("writes are acknowledged before the fault").atMost(Duration.ofSeconds(60))
                    .until(() -> load.acknowledged() >= 10);
            Fault fault = faultOf.apply(load);
            int attemptsBefore = load.attempts();
            try {
                fault.inject();
                await("the load meets the fault").atMost(Duration.ofSeconds(60))
                        .until(() -> load.attempts() >= attemptsBefore + 2 * RATE);
            } finally {
                fault.repair();
            }
            int acknowledgedAtRepair = load.acknowledged();
            await("writes are acknowledged again after the repair").atMost(PART_BACK)
                    .until(() -> load.acknowledged() >= acknowledgedAtRepair + 10);
        } finally {
            load.close();
            lastWrite = Instant.now();
        }

        try (Consistency platformState = consistency()) {
            await("every read model equals its source, reports count right and webhooks arrived, " + name)
                    .atMost(CONVERGENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> unconverged(platformState, gateway, owner, tag, sinkPath), List::isEmpty);
            Duration converged = Duration.between(lastWrite, Instant.now());
            gateway.http().delete().uri("/api/subscriptions/{id}", subscription).exchange();

            Map<String, EventEnvelope> projectsOnTopic = platformState.registered(ProjectContracts.PROJECTS,
                    ProjectContracts.PROJECT_REGISTERED, tag);
            Map<String, EventEnvelope> organisationsOnTopic = platformState.registered(PartnershipContracts.ORGANISATIONS,
                    PartnershipContracts.ORGANISATION_REGISTERED, tag);
            Set<String> storedProjects = platformState.stored("project-service", "projects", union(load.projects(),
                    projectsOnTopic.keySet()));
            Set<String> storedOrganisations = platformState.stored("partnership-service", "organisations",
                    union(load.organisations(), organisationsOnTopic.keySet()));
            Set<String> lost = new HashSet<>();
            lost.addAll(missing(load.projects(), storedProjects, projectsOnTopic.keySet()));
            lost.addAll(missing(load.organisations(), storedOrganisations, organisationsOnTopic.keySet()));
            Set<String> phantom = new HashSet<>();
            phantom.addAll(missing(projectsOnTopic.keySet(), storedProjects));
            phantom.addAll(missing(organisationsOnTopic.keySet(), storedOrganisations));
            long duplicates = Math.max(0, reportedProjects(gateway, owner) - platformState.projectsOf(owner).size())
                    + platformState.repeated("subscription-service", "deliveries", "subscriptionId", "eventId");
            Set<String> expected = registrationsOf(platformState, owner, tag);
            List<String> webhookIds = RECEIVER.at(sinkPath).stream()
                    .map(received -> received.headers().getFirst("webhook-id")).toList();
            int redelivered = webhookIds.size() - new HashSet<>(webhookIds).size();
            int notAcknowledged = load.refusals().values().stream().mapToInt(Integer::intValue).sum();
            Row row = new Row(name, load.acknowledged(), notAcknowledged, lost.size(), phantom.size(), duplicates,
                    expected.size(), (int) expected.stream().filter(webhookIds::contains).count(), redelivered, converged);
            TABLE.add(row);
            System.out.printf("%s: %s; not acknowledged: %s%n", name, row, load.refusals());

            assertThat(lost).as("acknowledged writes missing from the store or the topic").isEmpty();
            assertThat(phantom).as("registrations on the topic that the store does not have").isEmpty();
            assertThat(duplicates).as("effects applied twice").isZero();
            // A part down is 502, 503 or 504 with a problem document; 500 would say the platform itself failed.
            assertThat(load.refusals()).as("writes not acknowledged, by status").doesNotContainKey("500");
            return row;
        }
    }

    /** What is not yet as it must be, in words; empty once the platform has converged. */
    private static List<String> unconverged(Consistency platformState, Api gateway, String owner, String tag,
                                            String sinkPath) {
        List<String> problems = new ArrayList<>(platformState.readModelDifferences());
        long reported = reportedProjects(gateway, owner);
        int stored = platformState.projectsOf(owner).size();
        if (reported != stored) {
            problems.add("the portfolio reports " + reported + " projects of the owner, project-service holds " + stored);
        }
        Set<String> undelivered = new HashSet<>(registrationsOf(platformState, owner, tag));
        undelivered.removeAll(delivered(sinkPath));
        if (!undelivered.isEmpty()) {
            problems.add(undelivered.size() + " registrations not delivered to the webhook sink");
        }
        return problems;
    }

    /** Event ids of the registrations of an owner's stored projects, as they lie on the topic. */
    private static Set<String> registrationsOf(Consistency platformState, String owner, String tag) {
        Set<String> projects = platformState.projectsOf(owner);
        return platformState.registered(ProjectContracts.PROJECTS, ProjectContracts.PROJECT_REGISTERED, tag).values().stream()
                .filter(event -> projects.contains(event.aggregateId())).map(EventEnvelope::id).collect(Collectors.toSet());
    }

    private static Set<String> delivered(String sinkPath) {
        return RECEIVER.at(sinkPath).stream().map(received -> received.headers().getFirst("webhook-id"))
                .collect(Collectors.toSet());
    }

    private static long reportedProjects(Api gateway, String owner) {
        JsonNode portfolio = gateway.get("/api/reports/portfolio?department={owner}", owner).body();
        return portfolio.path("projects").path("total").asLong();
    }

    /** The part killed with SIGKILL, and brought back by the platform's supervision, not by the test. */
    private static Fault killed(String component) {
        Platform platform = RunningPlatform.get();
        int restarts = platform.restarts(component);
        long pid = platform.process(component).orElseThrow().pid();
        return new Fault() {
            @Override
            public void inject() {
                platform.kill(component);
            }

            @Override
            public void repair() throws Exception {
                platform.ensureRunning(component);
                assertThat(platform.restarts(component)).as("%s restarted by supervision", component)
                        .isGreaterThan(restarts);
                assertThat(platform.process(component).orElseThrow().pid()).as("%s's new process", component)
                        .isNotEqualTo(pid);
            }
        };
    }

    /**
     * The instance of reporting-service that writes the read models, by the process id its lease names: when it
     * runs twice, killing that one makes the other take over (ADR 0025).
     */
    private static String writingInstanceOfReporting() {
        Platform platform = RunningPlatform.get();
        try (Consistency platformState = consistency()) {
            Document lease = platformState.database("reporting-service").getCollection("writer")
                    .find(new Document("_id", "read-models")).first();
            assertThat(lease).as("the read models' writer lease").isNotNull();
            long pid = lease.get("pid", Number.class).longValue();
            return platform.settings().instancesOf("reporting-service").stream()
                    .filter(instance -> platform.process(instance).map(process -> process.pid() == pid).orElse(false))
                    .findFirst().orElseThrow();
        }
    }

    private static Consistency consistency() {
        Platform platform = RunningPlatform.get();
        return new Consistency(platform.settings().mongoUri(""), platform.settings().kafkaBootstrapServers());
    }

    private static int groupMembers(String bootstrap, String group) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS).members().size();
        }
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -%s %d", signal, pid).isZero();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** What of {@code wanted} is absent from any of {@code places}. */
    @SafeVarargs
    private static Set<String> missing(Set<String> wanted, Set<String>... places) {
        Set<String> missing = new HashSet<>();
        for (String id : wanted) {
            for (Set<String> place : places) {
                if (!place.contains(id)) {
                    missing.add(id);
                }
            }
        }
        return missing;
    }

    @AfterAll
    static void printTable() throws IOException {
        RECEIVER.close();
        List<String> lines = new ArrayList<>(List.of(
                "| fault | writes acknowledged | not acknowledged | lost | phantom | duplicate effects "
                        + "| webhooks delivered / expected (redelivered) | converged after the last write |",
                "|---|---:|---:|---:|---:|---:|---:|---:|"));
        for (Row row : TABLE) {
            lines.add("| %s | %d | %d | %d | %d | %d | %d / %d (%d) | %.1f s |".formatted(row.fault(), row.acknowledged(),
                    row.notAcknowledged(), row.lost(), row.phantom(), row.duplicates(), row.webhooksDelivered(),
                    row.webhooksExpected(), row.webhooksRedelivered(), row.converged().toMillis() / 1000.0));
        }
        String table = String.join(System.lineSeparator(), lines);
        System.out.println(System.lineSeparator() + "Fault suite" + System.lineSeparator() + table);
        Files.writeString(Path.of("target", "fault-table.md"), table + System.lineSeparator(), StandardCharsets.UTF_8);
    }
}
