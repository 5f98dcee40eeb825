package se.samverka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/asyncapi.yaml describes the envelope the platform writes. Its topics and event types are checked against
 * what each contract module publishes in that module's build, and against the whole catalogue in system-tests.
 */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("../../docs");

    private final JsonNode document = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile());

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asString()).startsWith("3.");
    }

    @Test
    void documentsTheCloudEventsHeadersThePlatformWrites() {
        Set<String> documented = new HashSet<>(
                document.path("components").path("schemas").path("cloudEventsHeaders").path("properties").propertyNames());
        EventEnvelope sample = new EventEnvelope("id", "/source", "se.samverka.project.registered", "p-1",
                OffsetDateTime.now(), 1, "https://example.org/s.json", "00-0-0-01", "{}");

        assertThat(documented).containsAll(CloudEventsKafkaBinding.headers(sample).keySet());
    }
}
