package se.samverka.platform.test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.TopicLog;

/**
 * Reads a whole topic from the beginning with a plain Kafka client, no Spring and no consumer group: what any outside
 * consumer of the platform's events would see.
 */
public final class KafkaTopicReader {

    private final String bootstrapServers;

    public KafkaTopicReader(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** One record as it lies on the topic, its value as text. */
    public record Record(String topic, int partition, long offset, String key, Map<String, String> headers, String value) {

        public EventEnvelope event() {
            return CloudEventsKafkaBinding.read(headers::get, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Every record on the topic up to its current end, in partition then offset order. */
    public List<Record> readAll(String topic) {
        List<Record> records = new ArrayList<>();
        try (TopicLog log = new TopicLog(bootstrapServers, List.of(topic))) {
            log.readUntil(log.endOffsets(), record -> records.add(new Record(record.topic(), record.partition(),
                    record.offset(), record.key(), record.headers(),
                    record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8))));
        }
        records.sort((a, b) -> a.partition() != b.partition()
                ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
        return records;
    }

    /** The events of one aggregate in the order the topic holds them. */
    public List<EventEnvelope> eventsOf(String topic, String aggregateId) {
        return readAll(topic).stream()
                .filter(record -> aggregateId.equals(record.key()))
                .map(Record::event)
                .toList();
    }

    public int partitionCount(String topic) {
        try (TopicLog log = new TopicLog(bootstrapServers, List.of(topic))) {
            return log.partitionCount(topic);
        }
    }
}
