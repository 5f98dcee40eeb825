package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samverka.platform.runtime.DeadLetterListing;
import se.samverka.platform.runtime.Platform;
import se.samverka.platform.test.KafkaRecordWriter;

/** {@code ./samverka dlq} against the running platform: a record no consumer can read is listed, and shown whole. */
class DeadLettersCommandIT {

    @Test
    void aParkedRecordIsListedWithWhereItCameFromAndWhy() throws Exception {
        Platform platform = RunningPlatform.get();
        String bootstrapServers = platform.settings().kafkaBootstrapServers();
        String key = "not-an-event-" + UUID.randomUUID();
        try (KafkaRecordWriter writer = new KafkaRecordWriter(bootstrapServers)) {
            writer.send("samverka.projects", key, Map.of("content-type", "application/json"), "{not json");
        }
        DeadLetterListing deadLetters = new DeadLetterListing(bootstrapServers);

        // Every group that reads the topic parks it: reporting-service's among them.
        DeadLetterListing.DeadLetter parked = await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters.newest(100).stream()
                .filter(letter -> key.equals(letter.key()) && letter.topic().contains("reporting-service"))
                .findFirst().orElse(null), letter -> letter != null);

        assertThat(parked.origin()).startsWith("samverka.projects/");
        assertThat(parked.reason()).contains("PoisonEventException");
        String list = print(deadLetters::list);
        assertThat(list).contains(parked.id() + "  from " + parked.origin() + "  " + parked.reason());
        assertThat(deadLetters.counts().get(parked.topic())).isPositive();
        assertThat(deadLetters.find(parked.topic() + "/" + parked.partition() + "/" + (parked.offset() + 1000))).isEmpty();
        String one = print(out -> deadLetters.show(parked.id(), out));
        assertThat(one).contains("  key      " + key, "kafka_dlt-original-topic: samverka.projects", "    {not json");
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
