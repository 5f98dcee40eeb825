package se.samverka.platform.messaging.outbox;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;
import se.samverka.platform.events.CloudEventsKafkaBinding;
import se.samverka.platform.events.EventEnvelope;

/**
 * Publishes through Spring Cloud Stream. The producer bindings are synchronous (see the platform's messaging
 * defaults), so a send returns after the broker acknowledged it, or throws.
 */
public class StreamBridgeEventPublisher implements EventPublisher {

    private final StreamBridge streamBridge;

    public StreamBridgeEventPublisher(StreamBridge streamBridge) {
        this.streamBridge = streamBridge;
    }

    @Override
    public void publish(String topic, EventEnvelope event) {
        Message<byte[]> message = MessageBuilder.withPayload(CloudEventsKafkaBinding.value(event))
                .copyHeaders(CloudEventsKafkaBinding.headers(event))
                .setHeader(KafkaHeaders.KEY, CloudEventsKafkaBinding.key(event))
                .build();
        if (!streamBridge.send(topic, message, MimeTypeUtils.APPLICATION_JSON)) {
            throw new IllegalStateException("the binding for " + topic + " did not accept event " + event.id());
        }
    }
}
