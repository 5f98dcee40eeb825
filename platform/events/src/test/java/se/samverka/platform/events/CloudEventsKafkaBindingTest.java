package se.samverka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventsKafkaBindingTest {

    private final EventEnvelope event = new EventEnvelope(
            "7d3f1c4e-0a2b-4c5d-9e8f-1a2b3c4d5e6f",
            "/project-service",
            "se.samverka.project.registered",
            "project-42",
            OffsetDateTime.parse("2026-11-28T12:00:00.123Z"),
            7,
            new EventContract<>("se.samverka.project.registered", "samverka.projects", Object.class).dataSchema(),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "{\"projectId\":\"project-42\"}");

    @Test
    void writesEveryAttributeAsACeHeaderInBinaryMode() {
        Map<String, String> headers = CloudEventsKafkaBinding.headers(event);

        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_id", event.id())
                .containsEntry("ce_source", "/project-service")
                .containsEntry("ce_type", "se.samverka.project.registered")
                .containsEntry("ce_subject", "project-42")
                .containsEntry("ce_time", "2026-11-28T12:00:00.123Z")
                .containsEntry("ce_sequence", "0000000007")
                .containsEntry("ce_partitionkey", "project-42")
                .containsEntry("ce_dataschema", "https://samverka.se/schemas/events/se.samverka.project.registered.json")
                .containsEntry("ce_traceparent", event.traceparent())
                .containsEntry("traceparent", event.traceparent())
                .containsEntry("content-type", "application/json");
        assertThat(new String(CloudEventsKafkaBinding.key(event))).isEqualTo("project-42");
        assertThat(new String(CloudEventsKafkaBinding.value(event))).isEqualTo(event.data());
    }

    @Test
    void readsBackWhatItWrote() {
        Map<String, String> headers = CloudEventsKafkaBinding.headers(event);

        EventEnvelope read = CloudEventsKafkaBinding.read(headers::get, CloudEventsKafkaBinding.value(event));

        assertThat(read).isEqualTo(event);
    }

    @Test
    void sequencesArePaddedToTenDigitsSoTheyAlsoSortAsText() {
        assertThat(CloudEventsKafkaBinding.formatSequence(1)).isEqualTo("0000000001");
        assertThat(CloudEventsKafkaBinding.formatSequence(1234567890L)).isEqualTo("1234567890");
    }

    @Test
    void aMissingAttributeIsPoisonAndNamed() {
        Map<String, String> headers = new HashMap<>(CloudEventsKafkaBinding.headers(event));
        headers.remove("ce_subject");

        assertThatThrownBy(() -> CloudEventsKafkaBinding.read(headers::get, new byte[0]))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("ce_subject");
    }

    @Test
    void malformedSequenceTimeOrSpecVersionArePoison() {
        assertPoison("ce_sequence", "seven", "ce_sequence");
        assertPoison("ce_sequence", "0000000000", "at least 1");
        assertPoison("ce_time", "yesterday", "ce_time");
        assertPoison("ce_specversion", "0.3", "specversion");
        assertPoison("content-type", "application/avro", "content-type");
    }

    @Test
    void aRecordWithoutValueIsPoison() {
        Map<String, String> headers = CloudEventsKafkaBinding.headers(event);

        assertThatThrownBy(() -> CloudEventsKafkaBinding.read(headers::get, null))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("no value");
    }

    private void assertPoison(String header, String value, String expectedMessage) {
        Map<String, String> headers = new HashMap<>(CloudEventsKafkaBinding.headers(event));
        headers.put(header, value);
        assertThatThrownBy(() -> CloudEventsKafkaBinding.read(headers::get, CloudEventsKafkaBinding.value(event)))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining(expectedMessage);
    }
}
