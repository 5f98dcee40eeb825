package se.samverka.platform.messaging.consumer;

import java.util.List;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.MessageHeaders;

/** Where a record lies in the log: what a consumer needs to re-read the events before it. */
public record LogPosition(String topic, int partition, long offset) {

    /**
     * The position of the {@code index}th record of a batch the Kafka binder delivers (it gives each header as a list
     * in the records' order), or null when the message carries none.
     */
    static LogPosition of(MessageHeaders headers, int index) {
        Object topic = element(headers, KafkaHeaders.RECEIVED_TOPIC, index);
        Object partition = element(headers, KafkaHeaders.RECEIVED_PARTITION, index);
        Object offset = element(headers, KafkaHeaders.OFFSET, index);
        return topic == null || partition == null || offset == null ? null
                : new LogPosition(topic.toString(), ((Number) partition).intValue(), ((Number) offset).longValue());
    }

    /** The {@code index}th element of a header the Kafka binder gives a batch as a list, or null. */
    static Object element(MessageHeaders headers, String name, int index) {
        return headers.get(name) instanceof List<?> values && index < values.size() ? values.get(index) : null;
    }
}
