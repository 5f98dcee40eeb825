package se.samverka.platform.test;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.samverka.platform.events.EventContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** docs/asyncapi.yaml as the checks of what the code publishes read it: topics, their event types, their schemas. */
public final class AsyncApiDocument {

    private final Path file;
    private final JsonNode document;

    public AsyncApiDocument(Path file) {
        this.file = file;
        this.document = new YAMLMapper().readTree(file.toFile());
    }

    /** The event types published on each topic, as contracts say. */
    public static Map<String, Set<String>> typesByTopic(Collection<EventContract<?>> contracts) {
        return contracts.stream().collect(Collectors.groupingBy(
                EventContract::topic, Collectors.mapping(EventContract::type, Collectors.toSet())));
    }

    /** The event types listed on each channel, by the channel's address (its topic). */
    public Map<String, Set<String>> typesByTopic() {
        Map<String, Set<String>> documented = new HashMap<>();
        document.path("channels").forEach(channel -> {
            Set<String> types = new HashSet<>();
            channel.path("messages").forEach(ref -> types.add(resolve(ref).path("name").asString()));
            documented.put(channel.path("address").asString(), types);
        });
        return documented;
    }

    /** Where the payload schema of an event type's message lies. */
    public Path payload(String type) {
        return file.getParent().resolve(message(type).path("payload").path("$ref").asString()).normalize();
    }

    /** What the headers of an event type's message refer to. */
    public String headers(String type) {
        return message(type).path("headers").path("$ref").asString();
    }

    private JsonNode message(String type) {
        for (JsonNode message : document.path("components").path("messages")) {
            if (type.equals(message.path("name").asString())) {
                return message;
            }
        }
        throw new AssertionError(file + " has no message named " + type);
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
