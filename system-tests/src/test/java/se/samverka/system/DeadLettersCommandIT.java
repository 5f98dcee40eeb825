package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import se.samverka.platform.runtime.DeadLetterListing;
import se.samverka.platform.runtime.DeadLetterOperations;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.runtime.StartupException;
import se.samverka.platform.test.KafkaRecordWriter;
import se.samverka.platform.test.KafkaTopicReader;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./samverka dlq} against the running platform: a record no consumer can read is listed, shown whole, refused
 * a replay and discarded with a reason; an event parked though it could be applied is replayed; the listing shows
 * what was decided.
 */
class DeadLettersCommandIT {

    @Test
    void aParkedRecordIsListedWithWhereItCameFromAndWhyAndDiscardedWithAReason() throws Exception {
        Platform platform = RunningPlatform.get();
        String bootstrapServers = platform.settings().kafkaBootstrapServers();
        String key = "not-an-event-" + UUID.randomUUID();
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers)) {
            writer.send("samverka.projects", key, Map.of("content-type", "application/json"), "{not json");
        }
        DeadLetterListing deadLetters = new DeadLetterListing(bootstrapServers);
        DeadLetterOperations operations = new DeadLetterOperations(platform.settings());

        // Every group that reads the topic parks it: reporting-service's among them.
        DeadLetterListing.DeadLetter parked = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.newest(100).stream()
                .filter(letter -> key.equals(letter.key()) && letter.topic().contains("reporting-service"))
                .findFirst().orElse(null), letter -> letter != null);

        assertThat(parked.origin()).startsWith("samverka.projects/");
        assertThat(parked.reason()).contains("PoisonEventException");
        String list = print(out -> deadLetters.list(out, operations::statuses));
        assertThat(list).contains(status("OPEN") + parked.id() + "  from " + parked.origin() + "  " + parked.reason());
        assertThat(deadLetters.counts().get(parked.topic())).isPositive();
        assertThat(deadLetters.find(parked.topic() + "/" + parked.partition() + "/" + (parked.offset() + 1000))).isEmpty();
        String one = print(out -> deadLetters.show(parked.id(), out, operations::statuses));
        assertThat(one).contains("  status   OPEN", "  key      " + key, "kafka_dlt-original-topic: samverka.projects",
                "    {not json");

        assertThatThrownBy(() -> operations.replay(parked.id())).isInstanceOf(StartupException.class)
                .hasMessageContaining("409").hasMessageContaining("PoisonEventException");
        operations.discard(parked.id(), "Written by hand to the topic; not an event");

        assertThat(print(out -> deadLetters.show(parked.id(), out, operations::statuses))).contains("  status   DISCARDED");
        assertThatThrownBy(() -> operations.discard(parked.id(), "again")).isInstanceOf(StartupException.class)
                .hasMessageContaining("409");
    }

    @Test
    void anEventParkedThoughItCouldBeAppliedIsReplayedToItsConsumer() throws Exception {
        Platform platform = RunningPlatform.get();
        String bootstrapServers = platform.settings().kafkaBootstrapServers();
        KafkaTopicReader.Record event = new KafkaTopicReader(bootstrapServers).readAll("samverka.projects").stream()
                .filter(record -> record.headers().containsKey("ce_id")).findFirst().orElseThrow();
        String id = parkAsReportingWould(bootstrapServers, event);
        DeadLetterListing deadLetters = new DeadLetterListing(bootstrapServers);
        DeadLetterOperations operations = new DeadLetterOperations(platform.settings());

        JsonNode replayed = operations.replay(id);

        assertThat(replayed.path("status").asString()).isEqualTo("REPLAYED");
        // The demo's events were applied long since, unless reporting-service is still catching up.
        assertThat(replayed.path("decision").path("outcome").asString()).isIn("already applied", "applied");
        assertThat(print(out -> deadLetters.list(out, operations::statuses))).contains(status("REPLAYED") + id + "  from ");
        assertThatThrownBy(() -> operations.replay(id)).isInstanceOf(StartupException.class).hasMessageContaining("409");
        assertThatThrownBy(() -> operations.replay("no-such-id")).isInstanceOf(StartupException.class)
                .hasMessageContaining("no dead letter's id");
    }

    /** The status column of a listing's line, as wide as the listing writes it. */
    private static String status(String status) {
        return String.format("  %-9s  ", status);
    }

    /** Writes the event to reporting-service's dead-letter topic with the headers its dead-letter policy writes. */
    private static String parkAsReportingWould(String bootstrapServers, KafkaTopicReader.Record event) throws Exception {
        String topic = "samverka.projects.reporting-service.dlq";
        ProducerRecord<byte[], byte[]> parked = new ProducerRecord<>(topic, 0, bytes(event.key()), bytes(event.value()));
        event.headers().forEach((name, value) -> parked.headers().add(name, bytes(value)));
        parked.headers().add("kafka_dlt-original-topic", bytes(event.topic()))
                .add("kafka_dlt-original-partition", ByteBuffer.allocate(Integer.BYTES).putInt(event.partition()).array())
                .add("kafka_dlt-original-offset", ByteBuffer.allocate(Long.BYTES).putLong(event.offset()).array())
                .add("samverka_dlt-reason", bytes("java.lang.IllegalStateException: a bug, fixed since"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new ByteArraySerializer(),
                new ByteArraySerializer())) {
            return topic + "/0/" + producer.send(parked).get().offset();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private interface Printing {
        void to(PrintStream out) throws Exception;
    }

    private static String print(Printing printing) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        printing.to(new PrintStream(printed, true, StandardCharsets.UTF_8));
        return printed.toString(StandardCharsets.UTF_8);
    }
}
