package se.samverka.subscription.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypesTest {

    @Test
    void noTypesFollowEveryProjectEventAndNoCallEvent() {
        assertThat(EventTypes.follows(List.of(), "se.samverka.project.statusChanged")).isTrue();
        assertThat(EventTypes.follows(List.of(), "se.samverka.call.closingSoon")).isFalse();
    }

    @Test
    void aFamilyFollowsEveryTypeOfItAndATypeOnlyItself() {
        List<String> calls = List.of("se.samverka.call.*");
        assertThat(EventTypes.follows(calls, "se.samverka.call.published")).isTrue();
        assertThat(EventTypes.follows(calls, "se.samverka.call.somethingNew")).isTrue();
        assertThat(EventTypes.follows(calls, "se.samverka.project.registered")).isFalse();
        List<String> deadlines = List.of("se.samverka.call.closingSoon", "se.samverka.project.registered");
        assertThat(EventTypes.follows(deadlines, "se.samverka.call.closingSoon")).isTrue();
        assertThat(EventTypes.follows(deadlines, "se.samverka.call.closed")).isFalse();
        assertThat(EventTypes.follows(deadlines, "se.samverka.project.registered")).isTrue();
    }

    @Test
    void theKnownTypesAreTheFamiliesThenTheProjectsAndTheCallsTypes() {
        assertThat(EventTypes.KNOWN).startsWith("se.samverka.project.*", "se.samverka.call.*")
                .contains("se.samverka.project.statusChanged", "se.samverka.call.published",
                        "se.samverka.call.updated", "se.samverka.call.closingSoon", "se.samverka.call.closed",
                        "se.samverka.call.withdrawn")
                .noneMatch(type -> type.startsWith("se.samverka.interest."));
        assertThat(EventTypes.known("se.samverka.call.*")).isTrue();
        assertThat(EventTypes.known("se.samverka.*")).isFalse();
    }

    @Test
    void noSubscriptionFollowsTheServicesHousekeeping() {
        assertThat(EventTypes.KNOWN).doesNotContain("se.samverka.project.staffNamesErased",
                "se.samverka.call.staffNamesErased");
        assertThat(EventTypes.follows(List.of(), "se.samverka.project.staffNamesErased")).isFalse();
        assertThat(EventTypes.follows(List.of("se.samverka.project.*"), "se.samverka.project.staffNamesErased"))
                .isFalse();
        assertThat(EventTypes.follows(List.of("se.samverka.call.*"), "se.samverka.call.staffNamesErased")).isFalse();
    }
}
