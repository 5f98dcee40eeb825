package se.samverka.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.Topics;
import se.samverka.platform.test.AsyncApiDocument;

/**
 * docs/asyncapi.yaml describes exactly the topics and event types the platform publishes: those of every contract
 * module, all on this module's class path. Each contract module checks its own topics, types and schemas in its
 * build, and platform/events the envelope.
 */
class AsyncApiDocumentTest {

    private final AsyncApiDocument document = new AsyncApiDocument(Path.of("../docs/asyncapi.yaml"));

    @Test
    void listsEveryTopicAndNoOther() {
        assertThat(document.typesByTopic().keySet()).containsExactlyInAnyOrderElementsOf(Topics.ALL);
    }

    @Test
    void listsOnEachTopicExactlyTheEventTypesPublishedThere() {
        assertThat(document.typesByTopic()).isEqualTo(AsyncApiDocument.typesByTopic(EventCatalog.ALL));
    }
}
