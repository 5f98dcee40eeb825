package se.samverka.platform.messaging.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The dead-letter topics read back by a consumer of no group, which commits nothing: only the newest records of
 * each partition, or one record, so that a topic however full costs a bounded read.
 */
public class DeadLetterLog {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final String bootstrapServers;

    public DeadLetterLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** A record as it lies in its dead-letter topic; its headers as text, Kafka's numeric ones as numbers. */
    public record Parked(String topic, int partition, long offset, Instant parkedAt, String key,
                         Map<String, String> headers, byte[] value) {

        public String id() {
            return DeadLetter.id(topic, partition, offset);
        }

        public String header(String name) {
            return headers.get(name);
        }
    }

    /** The broker could not be read. */
    public static class UnreachableException extends RuntimeException {

        UnreachableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The newest {@code newest(topic)} records of each partition of each topic, in no particular order. */
    public List<Parked> newest(Collection<String> topics, ToLongFunction<String> newest) {
        return reading(consumer -> {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, PATIENCE);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, PATIENCE);
            Map<TopicPartition, Long> from = new HashMap<>();
            Map<TopicPartition, Long> until = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                long first = Math.max(beginnings.get(partition), end - newest.applyAsLong(partition.topic()));
                if (first < end) {
                    from.put(partition, first);
                    until.put(partition, end);
                }
            }
            consumer.assign(until.keySet());
            from.forEach(consumer::seek);
            return read(consumer, until);
        });
    }

    public Optional<Parked> find(String topic, int partition, long offset) {
        TopicPartition where = new TopicPartition(topic, partition);
        return reading(consumer -> {
            if (partitions(consumer, List.of(topic)).stream().noneMatch(where::equals)) {
                return Optional.empty();
            }
            consumer.assign(List.of(where));
            long end = consumer.endOffsets(List.of(where), PATIENCE).get(where);
            if (offset < consumer.beginningOffsets(List.of(where), PATIENCE).get(where) || offset >= end) {
                return Optional.empty();
            }
            consumer.seek(where, offset);
            return read(consumer, Map.of(where, offset + 1)).stream().filter(parked -> parked.offset() == offset)
                    .findFirst();
        });
    }

    /** How many records each topic holds. */
    public Map<String, Long> counts(Collection<String> topics) {
        return reading(consumer -> {
            List<TopicPartition> partitions = partitions(consumer, topics);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, PATIENCE);
            Map<String, Long> counts = new HashMap<>();
            topics.forEach(topic -> counts.put(topic, 0L));
            consumer.endOffsets(partitions, PATIENCE).forEach((partition, end) ->
                    counts.merge(partition.topic(), end - beginnings.get(partition), Long::sum));
            return counts;
        });
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic, PATIENCE)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        return partitions;
    }

    /** Reads each partition from its position up to {@code until} (exclusive), within the patience. */
    private static List<Parked> read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> until) {
        List<Parked> read = new ArrayList<>();
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (until.entrySet().stream().anyMatch(end -> consumer.position(end.getKey(), PATIENCE) < end.getValue())) {
            if (Instant.now().isAfter(giveUp)) {
                throw new UnreachableException("the dead letters of " + until.keySet() + " were not read within "
                        + PATIENCE, null);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < until.get(new TopicPartition(record.topic(), record.partition()))) {
                    read.add(parked(record));
                }
            }
        }
        return read;
    }

    private interface Reading<T> {
        T with(KafkaConsumer<byte[], byte[]> consumer);
    }

    private <T> T reading(Reading<T> reading) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            return reading.with(consumer);
        } catch (KafkaException e) {
            throw new UnreachableException("the dead letters cannot be read at " + bootstrapServers + ": " + e, e);
        }
    }

    private static Parked parked(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), headerValue(header));
        }
        return new Parked(record.topic(), record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                text(record.key()), headers, record.value());
    }

    /** Spring Kafka writes the original partition and offsets as binary numbers; every other header is text. */
    private static String headerValue(Header header) {
        byte[] value = header.value();
        if (value != null && header.key().equals(KafkaHeaders.DLT_ORIGINAL_PARTITION)
                && value.length == Integer.BYTES) {
            return Integer.toString(ByteBuffer.wrap(value).getInt());
        }
        if (value != null && (header.key().equals(KafkaHeaders.DLT_ORIGINAL_OFFSET)
                || header.key().equals(KafkaHeaders.DLT_ORIGINAL_TIMESTAMP)) && value.length == Long.BYTES) {
            return Long.toString(ByteBuffer.wrap(value).getLong());
        }
        return text(value);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
