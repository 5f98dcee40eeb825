package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

/** The broker and the Mongo-wire server as ./samverka runs them: real processes whose data outlives a restart. */
class InfrastructureRestartIT {

    private static final Duration GRACE = Duration.ofSeconds(30);

    @TempDir
    Path home;

    private Platform platform;

    @AfterEach
    void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void theMongoWireServerFindsItsDataAfterARestart() throws StartupException {
        platform = Platform.create(RuntimeSettings.onFreePorts(Path.of("../.."), home), Platform.Progress.SILENT);
        platform.restart(RuntimeSettings.MONGO);
        String uri = platform.settings().mongoUri("");
        try (MongoClient client = MongoClients.create(uri)) {
            client.getDatabase("project-service").getCollection("projects")
                    .insertOne(new Document("_id", "p-1").append("title", "Vinterstaden"));
        }

        platform.process(RuntimeSettings.MONGO).orElseThrow().stop(GRACE);
        platform.restart(RuntimeSettings.MONGO);

        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> projects = client.getDatabase("project-service").getCollection("projects");
            assertThat(projects.find(new Document("_id", "p-1")).first()).containsEntry("title", "Vinterstaden");
        }
    }

    @Test
    void theBrokerIsFormattedOnceAndKeepsItsTopicsAcrossARestart() throws Exception {
        platform = Platform.create(RuntimeSettings.onFreePorts(Path.of("../.."), home), Platform.Progress.SILENT);
        platform.restart(RuntimeSettings.KAFKA);
        String bootstrap = platform.settings().kafkaBootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("restart-test", "key", "kept")).get();
        }
        Path meta = platform.settings().dataDir(RuntimeSettings.KAFKA).resolve("log/meta.properties");
        String clusterBefore = Files.readString(meta);

        platform.process(RuntimeSettings.KAFKA).orElseThrow().stop(GRACE);
        platform.restart(RuntimeSettings.KAFKA);

        assertThat(Files.readString(meta)).isEqualTo(clusterBefore);
        assertThat(readAll(bootstrap, "restart-test")).containsExactly("kept");
    }

    private static List<String> readAll(String bootstrap, String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<String> values = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
