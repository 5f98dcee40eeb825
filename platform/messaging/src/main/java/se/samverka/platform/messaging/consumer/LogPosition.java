package se.samverka.platform.messaging.consumer;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;

/** Where a record lies in the log: what a consumer needs to re-read the events before it. */
public record LogPosition(String topic, int partition, long offset) {

    /** The position the Kafka binder gives a record it delivers, or null when the message carries none. */
    static LogPosition of(MessageHeaders headers) {
        String topic = headers.get(KafkaHeaders.RECEIVED_TOPIC, String.class);
        Integer partition = headers.get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = headers.get(KafkaHeaders.OFFSET, Long.class);
        return topic == null || partition == null || offset == null ? null : new LogPosition(topic, partition, offset);
    }
}
