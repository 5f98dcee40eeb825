package se.samverka.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.MessageHeaders;
import se.samverka.platform.messaging.kafka.CloudEventsHeaderMapper;

class CloudEventsHeaderMapperTest {

    private final CloudEventsHeaderMapper mapper = new CloudEventsHeaderMapper();

    @Test
    void writesOnlyTheBindingsHeadersAsPlainText() {
        RecordHeaders record = new RecordHeaders();
        mapper.fromHeaders(new MessageHeaders(Map.of(
                "ce_type", "se.samverka.project.registered",
                "ce_sequence", "0000000001",
                "content-type", "application/json",
                "traceparent", "00-abc-def-01",
                "contentType", "application/json",
                "kafka_messageKey", new byte[] {1})), record);

        Map<String, String> written = new HashMap<>();
        record.forEach(header -> written.put(header.key(), new String(header.value(), StandardCharsets.UTF_8)));
        assertThat(written).containsOnlyKeys("ce_type", "ce_sequence", "content-type", "traceparent")
                .containsEntry("ce_type", "se.samverka.project.registered")
                .containsEntry("ce_sequence", "0000000001");
    }

    @Test
    void readsTheBindingsHeadersAsTextAndLeavesOthersAlone() {
        RecordHeaders record = new RecordHeaders();
        record.add("ce_id", "42".getBytes(StandardCharsets.UTF_8));
        record.add("x-binary", new byte[] {0, 1});

        Map<String, Object> read = new HashMap<>();
        mapper.toHeaders(record, read);

        assertThat(read.get("ce_id")).isEqualTo("42");
        assertThat(read.get("x-binary")).isEqualTo(new byte[] {0, 1});
    }
}
