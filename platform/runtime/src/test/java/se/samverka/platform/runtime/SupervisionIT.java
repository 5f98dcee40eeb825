package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoSocketException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parts of the platform killed with SIGKILL from outside, as the kernel's OOM killer or a crash would end them, and
 * brought back by the platform's supervision; and parts ended on purpose, which stay down.
 */
class SupervisionIT {

    private static final Duration BACK_WITHIN = Duration.ofSeconds(60);

    @TempDir
    Path home;

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Platform platform;
    private Runs runs;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void aKilledMongoWireServerIsStartedAgainAndItsNewProcessIdRecorded() throws Exception {
        platform = supervised(RestartBackoff.Policy.DEFAULT);
        platform.restart(RuntimeSettings.MONGO);
        ProcessHandle first = ProcessHandle.of(platform.process(RuntimeSettings.MONGO).orElseThrow().pid()).orElseThrow();

        first.destroyForcibly();
        first.onExit().join();
        platform.awaitReady(RuntimeSettings.MONGO, BACK_WITHIN);

        long second = platform.process(RuntimeSettings.MONGO).orElseThrow().pid();
        assertThat(second).isNotEqualTo(first.pid());
        assertThat(platform.restarts(RuntimeSettings.MONGO)).isEqualTo(1);
        assertThat(runs.child(RuntimeSettings.MONGO)).map(ProcessHandle::pid).contains(second);
        assertThat(lines).anyMatch(line -> line.equals("died mongo (exit 137), again in 1 s"))
                .anyMatch(line -> line.startsWith("recovered mongo"));
        try (MongoClient client = MongoClients.create(platform.settings().mongoUri(""))) {
            MongoCollection<Document> projects = client.getDatabase("project-service").getCollection("projects");
            projects.insertOne(new Document("_id", "p-1").append("title", "Vinterstaden"));
            assertThat(projects.find(new Document("_id", "p-1")).first()).containsEntry("title", "Vinterstaden");
        }
    }

    @Test
    void aMongoWireServerOutOfMemoryEndsAndIsStartedAgainWithWhatItAcknowledged() throws Exception {
        platform = supervised(RestartBackoff.Policy.DEFAULT);
        platform.restart(RuntimeSettings.MONGO);
        long first = platform.process(RuntimeSettings.MONGO).orElseThrow().pid();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(platform.settings().mongoUri("")))
                .applyToSocketSettings(socket -> socket.readTimeout(30, TimeUnit.SECONDS))
                .retryReads(false) // a retry would run the store out of memory once more
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            MongoCollection<Document> projects = client.getDatabase("project-service").getCollection("projects");
            projects.insertOne(new Document("_id", "p-1").append("title", "Vinterstaden"));
            // More than the store's heap holds, as a sorted list over a very large collection once needed.
            List<Document> tooMuch = List.of(new Document("$project",
                    new Document("numbers", new Document("$range", List.of(0, 200_000_000)))));
            assertThatThrownBy(() -> projects.aggregate(tooMuch).first()).isInstanceOf(MongoSocketException.class);
        }

        await().atMost(BACK_WITHIN).until(() -> platform.process(RuntimeSettings.MONGO)
                .filter(process -> process.pid() != first).isPresent());
        platform.awaitReady(RuntimeSettings.MONGO, BACK_WITHIN);
        assertThat(platform.restarts(RuntimeSettings.MONGO)).isEqualTo(1);
        try (MongoClient client = MongoClients.create(platform.settings().mongoUri(""))) {
            assertThat(client.getDatabase("project-service").getCollection("projects").find(new Document("_id", "p-1"))
                    .first()).containsEntry("title", "Vinterstaden");
        }
    }

    @Test
    void aKilledBrokerIsStartedAgainWithTheRecordsItAcknowledged() throws Exception {
        platform = supervised(RestartBackoff.Policy.DEFAULT);
        platform.restart(RuntimeSettings.KAFKA);
        String bootstrap = platform.settings().kafkaBootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("supervision-test", "key", "kept")).get();
        }

        platform.kill(RuntimeSettings.KAFKA);
        assertThat(platform.process(RuntimeSettings.KAFKA).orElseThrow().isAlive()).isFalse();
        platform.awaitReady(RuntimeSettings.KAFKA, BACK_WITHIN);

        assertThat(platform.restarts(RuntimeSettings.KAFKA)).isEqualTo(1);
        assertThat(firstValue(bootstrap, "supervision-test")).isEqualTo("kept");
    }

    @Test
    void aPartKilledOnPurposeStaysDownUntilItIsStartedAgain() throws Exception {
        platform = supervised(RestartBackoff.Policy.DEFAULT);
        platform.restart(RuntimeSettings.MONGO);
        int port = platform.settings().port(RuntimeSettings.MONGO);

        platform.killAndHold(RuntimeSettings.MONGO);

        // Three times the pause a first failure would have waited.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !Platform.listening(port));
        assertThat(platform.restarts(RuntimeSettings.MONGO)).isZero();
        assertThat(lines).noneMatch(line -> line.startsWith("died"));

        platform.ensureRunning(RuntimeSettings.MONGO);
        assertThat(Platform.listening(port)).isTrue();
    }

    @Test
    void aPartThatKeepsDyingIsLeftDownAndCanStillBeStartedOnPurpose() throws Exception {
        // Left down at the third failure within a minute, after pauses of a tenth and two tenths of a second.
        platform = supervised(new RestartBackoff.Policy(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMinutes(1), 3, Duration.ofMinutes(1)));
        platform.restart(RuntimeSettings.MONGO);

        for (int failure = 1; failure <= 2; failure++) {
            platform.kill(RuntimeSettings.MONGO);
            platform.awaitReady(RuntimeSettings.MONGO, BACK_WITHIN);
        }
        platform.kill(RuntimeSettings.MONGO);

        assertThatThrownBy(() -> platform.awaitReady(RuntimeSettings.MONGO, BACK_WITHIN))
                .isInstanceOf(StartupException.class).hasMessageContaining("left it down");
        assertThat(lines).contains("died mongo (exit 137), again in 0.1 s", "died mongo (exit 137), again in 0.2 s",
                "gave up on mongo after 3 failures");
        assertThat(platform.restarts(RuntimeSettings.MONGO)).isEqualTo(2);

        platform.ensureRunning(RuntimeSettings.MONGO);
        assertThat(Platform.listening(platform.settings().port(RuntimeSettings.MONGO))).isTrue();
    }

    /** A platform that records what supervision says, and the process ids as {@code ./samverka run} does. */
    private Platform supervised(RestartBackoff.Policy policy) {
        RuntimeSettings settings = RuntimeSettings.onFreePorts(Path.of("../.."), home);
        runs = new Runs(settings.runDir());
        return Platform.create(settings, new Platform.Progress() {
            @Override
            public void ready(String component, String address, Duration took) {
                lines.add("ready " + component);
            }

            @Override
            public void launched(ManagedProcess process) {
                runs.record(process);
            }

            @Override
            public void died(String component, String cause, Duration restartIn) {
                lines.add("died " + component + " (" + cause + "), again in " + Platform.seconds(restartIn));
            }

            @Override
            public void recovered(String component, String address, Duration down) {
                lines.add("recovered " + component + " after " + Platform.seconds(down));
            }

            @Override
            public void gaveUp(String component, int failures, Duration window, Path log) {
                lines.add("gave up on " + component + " after " + failures + " failures");
            }
        }, policy);
    }

    private static String firstValue(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .filter(candidate -> consumer.endOffsets(List.of(candidate), Duration.ofSeconds(30))
                            .get(candidate) > 0)
                    .findFirst().orElseThrow();
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            return await().atMost(Duration.ofSeconds(30))
                    .until(() -> consumer.poll(Duration.ofMillis(200)), records -> !records.isEmpty())
                    .iterator().next().value();
        }
    }
}
