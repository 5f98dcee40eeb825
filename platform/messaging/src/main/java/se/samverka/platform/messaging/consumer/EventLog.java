package se.samverka.platform.messaging.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.PoisonEventException;

/**
 * The event topics read back by a consumer of no group (it commits nothing and disturbs no one): an aggregate's
 * events between two sequences, to fill a gap, and where each aggregate stands, to reconcile a read model.
 */
public class EventLog {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int FIRST_WINDOW = 500;

    private final String bootstrapServers;

    public EventLog(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** An event as it lies in the log. */
    public record LoggedEvent(EventEnvelope event, LogPosition position) {
    }

    /** The newest event of an aggregate found in the log. */
    public record Latest(long sequence, int partition, long offset) {
    }

    /**
     * The events of one aggregate with sequences from {@code first} to {@code last}, read backwards from
     * {@code before} (exclusive) in its partition, in growing windows until all are found or the partition's start
     * is reached. Records that are no valid event are passed over; a sequence found twice (a relay's duplicate)
     * counts once.
     *
     * @return in sequence order; fewer than asked when some are not in the log
     */
    public List<LoggedEvent> events(String topic, int partition, String aggregateId, long first, long last,
                                    long before) {
        byte[] key = aggregateId.getBytes(StandardCharsets.UTF_8);
        TopicPartition where = new TopicPartition(topic, partition);
        Map<Long, LoggedEvent> found = new TreeMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(List.of(where));
            long start = consumer.beginningOffsets(List.of(where), PATIENCE).get(where);
            long end = before;
            long window = FIRST_WINDOW;
            while (found.size() < last - first + 1 && end > start) {
                long from = Math.max(start, end - window);
                read(consumer, where, from, end, record -> {
                    long sequence = sequence(record);
                    if (sequence >= first && sequence <= last && Arrays.equals(key, record.key())) {
                        event(record).ifPresent(event -> found.putIfAbsent(sequence,
                                new LoggedEvent(event, new LogPosition(topic, partition, record.offset()))));
                    }
                });
                end = from;
                window *= 4;
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Reads a topic's records from {@code from} up to {@code until} (both by partition; a partition missing from
     * {@code from} is read from its start) and notes, per aggregate, its newest event in {@code latest}.
     */
    public void scan(String topic, Map<Integer, Long> from, Map<Integer, Long> until, Map<String, Latest> latest) {
        Map<TopicPartition, Long> end = new HashMap<>();
        until.forEach((partition, offset) -> end.put(new TopicPartition(topic, partition), offset));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(end.keySet());
            consumer.beginningOffsets(end.keySet(), PATIENCE).forEach((partition, start) ->
                    consumer.seek(partition, Math.max(start, from.getOrDefault(partition.partition(), 0L))));
            read(consumer, end, record -> {
                long sequence = sequence(record);
                if (sequence > 0 && record.key() != null) {
                    latest.merge(new String(record.key(), StandardCharsets.UTF_8),
                            new Latest(sequence, record.partition(), record.offset()),
                            (known, found) -> found.sequence() >= known.sequence() ? found : known);
                }
            });
        }
    }

    /** Where each partition of the topic ends now. */
    public Map<Integer, Long> endOffsets(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<Integer, Long> ends = new HashMap<>();
            consumer.endOffsets(partitions, PATIENCE).forEach((partition, end) -> ends.put(partition.partition(), end));
            return ends;
        }
    }

    private static void read(KafkaConsumer<byte[], byte[]> consumer, TopicPartition where, long from, long until,
                             Consumer<ConsumerRecord<byte[], byte[]>> reader) {
        if (from < until) {
            consumer.seek(where, from);
            read(consumer, Map.of(where, until), reader);
        }
    }

    /**
     * Reads the assigned partitions, each from its position up to its end (exclusive). Gives up when no partition gets
     * further for a while: a consumer whose broker went away and came back may wait minutes for fresh metadata, and
     * the reconciliation and gap filling that read here are better off failing and trying again with a new one.
     */
    private static void read(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end,
                             Consumer<ConsumerRecord<byte[], byte[]>> reader) {
        long readUpTo = -1;
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (true) {
            long position = 0;
            boolean behind = false;
            for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                long at = consumer.position(partition.getKey(), PATIENCE);
                position += at;
                behind |= at < partition.getValue();
            }
            if (!behind) {
                return;
            }
            if (position > readUpTo) {
                readUpTo = position;
                giveUp = Instant.now().plus(PATIENCE);
            } else if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("the log of " + end.keySet() + " was read no further for " + PATIENCE);
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    reader.accept(record);
                }
            }
        }
    }

    /** The record's {@code ce_sequence}, or 0 when it has none that reads as a number. */
    private static long sequence(ConsumerRecord<byte[], byte[]> record) {
        Header header = record.headers().lastHeader(CloudEventsKafkaBinding.CE_SEQUENCE);
        if (header == null || header.value() == null) {
            return 0;
        }
        try {
            return Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Optional<EventEnvelope> event(ConsumerRecord<byte[], byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return Optional.of(CloudEventsKafkaBinding.read(headers::get, record.value()));
        } catch (PoisonEventException e) {
            return Optional.empty();
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // A read-back never creates a topic: a misnamed one stays visibly empty.
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
