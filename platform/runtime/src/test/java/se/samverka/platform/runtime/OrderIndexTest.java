package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** An index the start builds a batch at a time, while the collection is written, ends as the writes left it. */
class OrderIndexTest {

    /** No document is read from the collection once the build has begun: what the index holds comes from the build. */
    private static final Supplier<Stream<DocumentWithPosition<Object>>> NONE = Stream::empty;

    private final OrderIndex index = new OrderIndex("status_1", new IndexKey("status", true), false);

    @Test
    void whatTheWritesChangedWhileItWasBuiltIsChangedInTheOrderTheyCame() {
        assertThat(index.startBuilding("ordered compared")).isTrue();
        index.index(project("IDEA"), "p1");
        index.index(project("IDEA"), "p2");
        index.index(project("ONGOING"), "p3");
        // Written after the build read them: changed, removed, and changed twice back to where it was.
        index.updateInPlace(project("IDEA"), project("CLOSED"), "p1", null);
        index.remove(project("IDEA").append("_id", "p2"));
        index.updateInPlace(project("ONGOING"), project("IDEA"), "p3", null);
        index.updateInPlace(project("IDEA"), project("ONGOING"), "p3", null);
        // Written before the build reads them: the build then reads what the writes made.
        index.updateInPlace(project("IDEA"), project("ONGOING"), "p4", null);
        index.add(project("IDEA"), "p5", null);
        index.remove(project("CLOSED").append("_id", "p6"));
        index.index(project("ONGOING"), "p4");
        index.index(project("IDEA"), "p5");
        index.finishBuilding();

        assertThat(index.built()).isEqualTo("ordered compared");
        assertThat(positions(index.inOrder(NONE))).containsExactly("p1", "p5", "p3", "p4");
        assertThat(index.equalTo(List.of("ONGOING"), NONE)).containsExactlyInAnyOrder("p3", "p4");
        assertThat(index.equalTo(List.of("IDEA"), NONE)).containsExactly("p5");
        assertThat(index.equalTo(List.of("CLOSED"), NONE)).containsExactly("p1");
    }

    @Test
    void whatIsBeingBuiltIsNotReadBeforeEveryDocumentIs() {
        index.startBuilding("ordered compared");
        index.index(project("IDEA"), "p1");
        assertThatThrownBy(() -> index.inOrder(NONE)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> index.equalTo(List.of("IDEA"), NONE)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whatIsKeptAlreadyIsNotBuiltAgain() {
        index.equalTo(List.of("IDEA"), NONE);
        assertThat(index.startBuilding("compared")).isFalse();
        assertThat(index.startBuilding("ordered compared")).isTrue();
        index.finishBuilding();
        assertThat(index.built()).isEqualTo("ordered compared");
    }

    private static Document project(String status) {
        return new Document("status", status);
    }

    private static List<Object> positions(Iterable<OrderIndex.Entry> entries) {
        List<Object> positions = new ArrayList<>();
        entries.forEach(entry -> positions.add(entry.position()));
        return positions;
    }
}
