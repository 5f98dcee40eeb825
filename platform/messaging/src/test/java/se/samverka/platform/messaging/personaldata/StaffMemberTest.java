package se.samverka.platform.messaging.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Whose an entry is: a display name is not unique, so the subject decides wherever an entry keeps one. */
class StaffMemberTest {

    private final StaffMember anna = new StaffMember("anna@ostersund.se", "Anna Andersson");

    @Test
    void anEntryWithASubjectIsTheirsByTheSubjectWhateverTheName() {
        assertThat(anna.named("anna@ostersund.se", "Anna Andersson")).isTrue();
        assertThat(anna.named("anna@ostersund.se", "Anna Berg")).as("renamed since").isTrue();
        assertThat(anna.named("anna.andersson@foretaget.se", "Anna Andersson")).as("a namesake").isFalse();
    }

    @Test
    void anEntryOlderThanTheSubjectsKeepingIsTheirsByTheName() {
        assertThat(anna.named(null, "Anna Andersson")).isTrue();
        assertThat(anna.named(null, "Bo Berg")).isFalse();
    }
}
