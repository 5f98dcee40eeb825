package se.samverka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docs/asyncapi.yaml describes exactly the topics and event types that the code publishes, with their schemas. */
class AsyncApiDocumentTest {

    private static final Path DOCS = Path.of("../../docs");

    private final JsonNode document = new YAMLMapper().readTree(DOCS.resolve("asyncapi.yaml").toFile());

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.path("asyncapi").asString()).startsWith("3.");
    }

    @Test
    void listsEveryTopicAndNoOther() {
        Set<String> addresses = new HashSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asString()));

        assertThat(addresses).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void listsOnEachTopicExactlyTheEventTypesPublishedThere() {
        Map<String, Set<String>> documented = new HashMap<>();
        document.path("channels").forEach(channel -> {
            Set<String> types = new HashSet<>();
            channel.path("messages").forEach(ref -> types.add(resolve(ref).path("name").asString()));
            documented.put(channel.path("address").asString(), types);
        });

        Map<String, Set<String>> published = EventCatalog.ALL.stream().collect(Collectors.groupingBy(
                EventContract::topic, Collectors.mapping(EventContract::type, Collectors.toSet())));

        assertThat(documented).isEqualTo(published);
    }

    @Test
    void everyMessagePointsAtTheSchemaOfItsContract() {
        for (EventContract<?> contract : EventCatalog.ALL) {
            JsonNode message = messageNamed(contract.type());
            Path payload = DOCS.resolve(message.path("payload").path("$ref").asString()).normalize();

            assertThat(payload).as("payload of %s", contract.type())
                    .isEqualTo(Path.of("../../platform/events/src/main/resources").resolve(contract.schemaResource())
                            .normalize());
            assertThat(Files.exists(payload)).isTrue();
            assertThat(message.path("headers").path("$ref").asString()).isEqualTo("#/components/schemas/cloudEventsHeaders");
        }
    }

    @Test
    void documentsTheCloudEventsHeadersThePlatformWrites() {
        Set<String> documented = new HashSet<>(
                document.path("components").path("schemas").path("cloudEventsHeaders").path("properties").propertyNames());
        EventEnvelope sample = new EventEnvelope("id", "/source", "se.samverka.project.registered", "p-1",
                java.time.OffsetDateTime.now(), 1, "https://example.org/s.json", "00-0-0-01", "{}");

        assertThat(documented).containsAll(CloudEventsKafkaBinding.headers(sample).keySet());
    }

    private JsonNode messageNamed(String type) {
        for (JsonNode message : document.path("components").path("messages")) {
            if (type.equals(message.path("name").asString())) {
                return message;
            }
        }
        throw new AssertionError("docs/asyncapi.yaml has no message named " + type);
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString(null);
        if (ref == null) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }
}
