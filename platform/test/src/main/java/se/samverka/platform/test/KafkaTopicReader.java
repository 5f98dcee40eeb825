package se.samverka.platform.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventEnvelope;

/**
 * A plain Kafka client, with no Spring and no consumer group, that reads a whole topic from the beginning: what any
 * outside consumer of the platform's events would see.
 */
public final class KafkaTopicReader {

    private final String bootstrapServers;

    public KafkaTopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** One record as it lies on the topic. */
    public record Record(String topic, int partition, long offset, String key, Map<String, String> headers, String value) {

        public EventEnvelope event() {
            return CloudEventsKafkaBinding.read(headers::get, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every record on the topic up to its current end, in partition then offset order. */
    public List<Record> readAll(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Record> records = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(toRecord(record));
                }
            }
            records.sort((a, b) -> a.partition() != b.partition()
                    ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
            return records;
        }
    }

    /** The events of one aggregate in the order the topic holds them. */
    public List<EventEnvelope> eventsOf(String topic, String aggregateId) {
        return readAll(topic).stream()
                .filter(record -> aggregateId.equals(record.key()))
                .map(Record::event)
                .toList();
    }

    public int partitionCount(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            return consumer.partitionsFor(topic, Duration.ofSeconds(10)).size();
        }
    }

    private static Record toRecord(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String value = record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
        return new Record(record.topic(), record.partition(), record.offset(), record.key(), headers, value);
    }
}
