package se.samverka.platform.messaging.kafka;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaderMapper;
import org.springframework.messaging.MessageHeaders;
import se.samverka.platform.events.CloudEventsKafkaBinding;

/**
 * Maps exactly the CloudEvents binding's headers between messages and Kafka records, as plain UTF-8 text: no JSON
 * quoting and no framework type headers, so that any Kafka client reads them as the specification says. The binder
 * picks this mapper up by its bean name, {@code kafkaBinderHeaderMapper}.
 */
public class CloudEventsHeaderMapper implements KafkaHeaderMapper {

    @Override
    public void fromHeaders(MessageHeaders headers, Headers target) {
        headers.forEach((name, value) -> {
            if (isEventHeader(name) && value != null) {
                target.add(name, value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8));
            }
        });
    }

    @Override
    public void toHeaders(Headers source, Map<String, Object> target) {
        for (Header header : source) {
            if (header.value() == null) {
                continue;
            }
            target.put(header.key(), isEventHeader(header.key())
                    ? new String(header.value(), StandardCharsets.UTF_8) : header.value());
        }
    }

    static boolean isEventHeader(String name) {
        return name.startsWith("ce_") || name.equals(CloudEventsKafkaBinding.CONTENT_TYPE)
                || name.equals(CloudEventsKafkaBinding.TRACEPARENT) || name.equals("tracestate");
    }
}
