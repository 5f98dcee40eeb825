package se.samverka.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue is assembled from the contracts the modules on the class path contribute: here, this test's. */
class EventCatalogTest {

    record Noted(String id) {
    }

    record Unlisted(String id) {
    }

    static final EventContract<Noted> NOTED = new EventContract<>("se.samverka.test.noted", "samverka.tests", Noted.class);

    /** Named in this module's test resources, as a contract module names its own in its main resources. */
    public static final class TestContracts implements EventContracts {

        @Override
        public List<EventContract<?>> contracts() {
            return List.of(NOTED);
        }
    }

    @Test
    void findsAContributedContractByTypeAndByRecord() {
        assertThat(EventCatalog.ALL).containsExactly(NOTED);
        assertThat(EventCatalog.forType("se.samverka.test.noted")).contains(NOTED);
        assertThat(EventCatalog.forData(new Noted("n-1"))).isEqualTo(NOTED);
    }

    @Test
    void knowsNoOtherType() {
        assertThat(EventCatalog.forType("se.samverka.test.unknown")).isEmpty();
        assertThatThrownBy(() -> EventCatalog.forData(new Unlisted("u-1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Unlisted.class.getName());
    }

    @Test
    void theTopicsAreThoseTheContractsArePublishedOn() {
        assertThat(Topics.ALL).containsExactly("samverka.tests");
    }
}
