package se.samverka.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The event log read back from its beginning, by a plain Kafka consumer that belongs to no consumer group (so it
 * commits nothing and disturbs no one): what a rebuild of a read model, or a test, reads.
 */
public final class TopicLog implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions;

    /** One record as it lies on its topic. */
    public record LogRecord(String topic, int partition, long offset, String key, Map<String, String> headers,
                            byte[] value) {

        /** @throws PoisonEventException when the record is not a valid CloudEvent of the Kafka binding */
        public EventEnvelope event() {
            return CloudEventsKafkaBinding.read(headers::get, value);
        }
    }

    public TopicLog(String bootstrapServers, Collection<String> topics) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1000");
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.partitions = topics.stream()
                .flatMap(topic -> consumer.partitionsFor(topic, PATIENCE).stream()
                        .map(info -> new TopicPartition(topic, info.partition())))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Where each partition ends now. */
    public Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions, PATIENCE);
    }

    /**
     * Hands every record from where this log has read to {@code end} to {@code reader}, in offset order within each
     * partition.
     *
     * @return how many records were read
     */
    public long readUntil(Map<TopicPartition, Long> end, Consumer<LogRecord> reader) {
        long count = 0;
        while (partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.getOrDefault(p, 0L))) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() < end.getOrDefault(partition, 0L)) {
                    reader.accept(toRecord(record));
                    count++;
                } else {
                    // Past the end asked for: left for the next read.
                    consumer.seek(partition, end.get(partition));
                }
            }
        }
        return count;
    }

    public int partitionCount(String topic) {
        return (int) partitions.stream().filter(p -> p.topic().equals(topic)).count();
    }

    @Override
    public void close() {
        consumer.close();
    }

    private static LogRecord toRecord(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return new LogRecord(record.topic(), record.partition(), record.offset(), record.key(), headers, record.value());
    }
}
