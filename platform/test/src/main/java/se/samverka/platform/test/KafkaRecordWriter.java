package se.samverka.platform.test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventEnvelope;

/** Writes records straight onto a topic, as a service would or as a broken producer might. */
public final class KafkaRecordWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public KafkaRecordWriter(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes a well-formed CloudEvent, exactly as the platform's relay does. */
    public void send(String topic, EventEnvelope event) {
        send(topic, event.subject(), CloudEventsKafkaBinding.headers(event), event.data());
    }

    /** Publishes any record and waits until the broker has it. */
    public void send(String topic, String key, Map<String, String> headers, String value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not write to " + topic, e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
