package se.samverka.platform.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventEnvelope;

/**
 * Publishes with one idempotent producer (acks=all) per service, so the relay can have many events in flight:
 * within a partition the producer keeps the order of sends, also across its retries (docs/adr/0016).
 */
public class KafkaEventPublisher implements EventPublisher {

    private final KafkaTemplate<byte[], byte[]> kafka;

    public KafkaEventPublisher(KafkaTemplate<byte[], byte[]> kafka) {
        this.kafka = kafka;
    }

    @Override
    public CompletableFuture<?> publish(String topic, EventEnvelope event) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, CloudEventsKafkaBinding.key(event),
                CloudEventsKafkaBinding.value(event));
        CloudEventsKafkaBinding.headers(event).forEach((name, value) ->
                record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        return kafka.send(record);
    }
}
