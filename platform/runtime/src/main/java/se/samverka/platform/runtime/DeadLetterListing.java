package se.samverka.platform.runtime;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * {@code ./samverka dlq}: how many records the consumers parked in their dead-letter topics
 * ({@code <topic>.<group>.dlq}), and the newest of them, read from the broker, each with where it came from and why
 * it was parked, and what its service decided about it; {@code ./samverka dlq <id>} shows one whole, its headers and
 * its value. {@link DeadLetterOperations} replays or discards them. docs/operations.md says what to do with them.
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
    /** How many of the newest records the listing shows; the rest are counted. */
    private static final int LISTED = 50;
    /** The status of a record no service told. */
    private static final String UNKNOWN = "?";
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

    /** The newest parked records of every dead-letter topic, newest first: at most {@code count} of them. */
    public List<DeadLetter> newest(int count) throws StartupException {
        return read(consumer -> {
            List<TopicPartition> partitions = deadLetterPartitions();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            // Each partition's newest are its last: only they are read, however many the topic holds.
            partitions.forEach(partition -> consumer.seek(partition,
                    Math.max(beginnings.get(partition), ends.get(partition) - count)));
            List<DeadLetter> parked = poll(consumer, () -> partitions.stream()
                    .allMatch(partition -> consumer.position(partition) >= ends.get(partition)));
            return parked.stream().sorted(Comparator.comparing(DeadLetter::parkedAt).reversed()
                    .thenComparing(DeadLetter::id)).limit(count).toList();
        });
    }

    /** How many records each dead-letter topic holds. */
    public Map<String, Long> counts() throws StartupException {
        return read(consumer -> {
            List<TopicPartition> partitions = deadLetterPartitions();
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            Map<String, Long> counts = new TreeMap<>();
            consumer.endOffsets(partitions).forEach((partition, end) ->
                    counts.merge(partition.topic(), end - beginnings.get(partition), Long::sum));
            return counts;
        });
    }

    /** The parked record of this id, if there is one. */
    public Optional<DeadLetter> find(String id) throws StartupException {
        String[] parts = id.split("/");
        if (parts.length != 3 || !parts[1].matches("\\d+") || !parts[2].matches("\\d+")) {
            return Optional.empty();
        }
        TopicPartition partition = new TopicPartition(parts[0], Integer.parseInt(parts[1]));
        long offset = Long.parseLong(parts[2]);
        return read(consumer -> {
            if (!deadLetterPartitions().contains(partition)) {
                return Optional.empty();
            }
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            if (offset >= end || offset < consumer.beginningOffsets(List.of(partition)).get(partition)) {
                return Optional.empty();
            }
            consumer.seek(partition, offset);
            return poll(consumer, () -> consumer.position(partition) > offset).stream()
                    .filter(letter -> letter.offset() == offset).findFirst();
        });
    }

    /**
     * One line for each of the newest parked records, with its status as the service that parked it knows it, and
     * how many each topic holds.
     *
     * @param statuses the status of each record by id, of the topics asked for
     */
    public void list(PrintStream out, Function<Collection<String>, Map<String, String>> statuses)
            throws StartupException {
        Map<String, Long> counts = counts();
        long total = counts.values().stream().mapToLong(n -> n).sum();
        if (total == 0) {
            out.println("No record is parked in a dead-letter topic.");
            return;
        }
        out.println(total + " parked: " + String.join(", ", counts.entrySet().stream().filter(topic -> topic.getValue() > 0)
                .map(topic -> topic.getKey() + " " + topic.getValue()).toList()));
        List<DeadLetter> newest = newest(LISTED);
        Map<String, String> known = statuses.apply(newest.stream().map(DeadLetter::topic).distinct().toList());
        for (DeadLetter letter : newest) {
            out.printf("  %s  %-9s  %s  from %s  %s%n", TIME.format(letter.parkedAt()),
                    known.getOrDefault(letter.id(), UNKNOWN), letter.id(), letter.origin(), letter.reason());
        }
        if (total > newest.size()) {
            out.println("  (the newest " + newest.size() + " of " + total + ")");
        }
        out.println("./samverka dlq <id> shows one whole; ./samverka dlq replay <id> hands it to its consumer "
                + "again once its cause is fixed; ./samverka dlq discard <id> --reason \"...\" leaves it unapplied, "
                + "saying why. docs/operations.md says which to do.");
    }

    /** One parked record whole: where it came from, why it was parked, what was decided, its headers and value. */
    public void show(String id, PrintStream out, Function<Collection<String>, Map<String, String>> statuses)
            throws StartupException {
        DeadLetter letter = find(id).orElseThrow(() -> new StartupException("No dead letter " + id
                + "; ./samverka dlq lists them."));
        out.println(letter.id());
        out.println("  status   " + statuses.apply(List.of(letter.topic())).getOrDefault(letter.id(), UNKNOWN));
        out.println("  parked   " + TIME.format(letter.parkedAt()));
        out.println("  from     " + letter.origin());
        out.println("  reason   " + letter.reason());
        out.println("  key      " + letter.key());
        out.println("  headers");
        letter.headers().forEach((name, value) -> out.println("    " + name + ": " + value));
        out.println("  value");
        out.println("    " + letter.value());
    }

    /** What a reading of the broker gives, with a consumer of no group that commits nothing. */
    private interface Reading<T> {
        T with(KafkaConsumer<byte[], byte[]> consumer) throws StartupException;
    }

    private <T> T read(Reading<T> reading) throws StartupException {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return reading.with(consumer);
        } catch (KafkaException e) {
            throw new StartupException("Cannot read the dead letters at " + bootstrapServers + ": " + e.getMessage());
        }
    }

    /** Polls until the condition holds, within the timeout. */
    private List<DeadLetter> poll(KafkaConsumer<byte[], byte[]> consumer, BooleanSupplier done) throws StartupException {
        List<DeadLetter> read = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new StartupException("The broker at " + bootstrapServers + " did not give the dead letters within "
                        + TIMEOUT.toSeconds() + " s; is the platform running (./samverka status)?");
            }
            consumer.poll(Duration.ofMillis(200)).forEach(record -> read.add(deadLetter(record)));
        }
        return read;
    }

    /** The partitions of every dead-letter topic, as the broker has them now. */
    private List<TopicPartition> deadLetterPartitions() throws StartupException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis()))) {
            List<String> topics = admin.listTopics().names().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .filter(topic -> topic.endsWith(".dlq")).sorted().toList();
            List<TopicPartition> partitions = new ArrayList<>();
            admin.describeTopics(topics).allTopicNames().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((topic, description) -> description.partitions().forEach(partition ->
                            partitions.add(new TopicPartition(topic, partition.partition()))));
            return partitions;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
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
