package se.samverka.platform.runtime;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./samverka dlq}: the records the consumers parked in their dead-letter topics ({@code <topic>.<group>.dlq}),
 * read from the broker, newest first, each with where it came from and why it was parked; {@code ./samverka dlq
 * <id>} shows one whole, its headers and its value. docs/operations.md says what to do with them.
 */
public final class DeadLetterListing {

    /** Written by Spring Kafka's dead-letter recoverer: where the record came from and what was thrown. */
    private static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    private static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    private static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    private static final String EXCEPTION = "kafka_dlt-exception-fqcn";
    /** Written by the platform's dead-letter policy: the root cause, in words. */
    private static final String REASON = "samverka_dlt-reason";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final String bootstrapServers;

    public DeadLetterListing(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A parked record; its id, {@code <dead-letter topic>/<partition>/<offset>}, names it for {@code dlq <id>}. */
    public record DeadLetter(String topic, int partition, long offset, Instant parkedAt, String key,
                             Map<String, String> headers, String value) {

        public String id() {
            return topic + "/" + partition + "/" + offset;
        }

        /** Where it was read from before it was parked: topic, partition and offset. */
        public String origin() {
            return headers.getOrDefault(ORIGINAL_TOPIC, "?") + "/" + headers.getOrDefault(ORIGINAL_PARTITION, "?")
                    + "/" + headers.getOrDefault(ORIGINAL_OFFSET, "?");
        }

        public String reason() {
            return headers.getOrDefault(REASON, headers.getOrDefault(EXCEPTION, "unknown"));
        }
    }

    /** Every parked record of every dead-letter topic, newest first. */
    public List<DeadLetter> read() throws StartupException {
        List<DeadLetter> parked = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = deadLetterPartitions();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new StartupException("The broker at " + bootstrapServers + " did not give every dead letter "
                            + "within " + TIMEOUT.toSeconds() + " s; is the platform running (./samverka status)?");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> parked.add(deadLetter(record)));
            }
        } catch (KafkaException e) {
            throw new StartupException("Cannot read the dead letters at " + bootstrapServers + ": " + e.getMessage());
        }
        parked.sort(Comparator.comparing(DeadLetter::parkedAt).reversed().thenComparing(DeadLetter::id));
        return parked;
    }

    /** One line for each parked record, newest first, and how many each topic holds. */
    public void list(PrintStream out) throws StartupException {
        List<DeadLetter> parked = read();
        if (parked.isEmpty()) {
            out.println("No record is parked in a dead-letter topic.");
            return;
        }
        Map<String, Integer> perTopic = new LinkedHashMap<>();
        parked.forEach(letter -> perTopic.merge(letter.topic(), 1, Integer::sum));
        out.println(parked.size() + " parked: " + String.join(", ", perTopic.entrySet().stream()
                .map(topic -> topic.getKey() + " " + topic.getValue()).toList()));
        for (DeadLetter letter : parked) {
            out.printf("  %s  %s  from %s  %s%n", TIME.format(letter.parkedAt()), letter.id(), letter.origin(),
                    letter.reason());
        }
        out.println("./samverka dlq <id> shows one whole; docs/operations.md says what to do with them.");
    }

    /** One parked record whole: where it came from, why it was parked, its headers and its value. */
    public void show(String id, PrintStream out) throws StartupException {
        Optional<DeadLetter> found = read().stream().filter(letter -> letter.id().equals(id)).findFirst();
        DeadLetter letter = found.orElseThrow(() -> new StartupException("No dead letter " + id
                + "; ./samverka dlq lists them."));
        out.println(letter.id());
        out.println("  parked   " + TIME.format(letter.parkedAt()));
        out.println("  from     " + letter.origin());
        out.println("  reason   " + letter.reason());
        out.println("  key      " + letter.key());
        out.println("  headers");
        letter.headers().forEach((name, value) -> out.println("    " + name + ": " + value));
        out.println("  value");
        out.println("    " + letter.value());
    }

    private List<TopicPartition> deadLetterPartitions() throws StartupException {
        try (Admin admin = DeadLetterTopics.admin(bootstrapServers, TIMEOUT)) {
            return DeadLetterTopics.partitions(admin, TIMEOUT);
        } catch (ExecutionException | TimeoutException e) {
            throw new StartupException("Cannot reach the broker at " + bootstrapServers + " (" + e.getMessage()
                    + "); is the platform running (./samverka status)?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("Interrupted while asking the broker for its dead-letter topics");
        }
    }

    private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), headerValue(header));
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), text(record.key()), headers, text(record.value()));
    }

    /** Kafka's own headers hold the original partition and offset as numbers; every other header is text. */
    private static String headerValue(Header header) {
        byte[] value = header.value();
        if (value != null && header.key().equals(ORIGINAL_PARTITION) && value.length == Integer.BYTES) {
            return Integer.toString(ByteBuffer.wrap(value).getInt());
        }
        if (value != null && (header.key().equals(ORIGINAL_OFFSET) || header.key().equals("kafka_dlt-original-timestamp"))
                && value.length == Long.BYTES) {
            return Long.toString(ByteBuffer.wrap(value).getLong());
        }
        return text(value);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
