package se.samverka.partnership.broker.introduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.IntroductionAnswered;
import se.samverka.partnership.contracts.IntroductionOutcomeRecorded;
import se.samverka.partnership.contracts.IntroductionProposed;
import se.samverka.partnership.contracts.IntroductionStaffNamesErased;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.web.IllegalTransitionException;

class IntroductionTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate ON = LocalDate.parse("2026-03-20");
    private static final StaffMember ANNA = new StaffMember("anna@foretaget.se", "Anna");
    private static final StaffMember BO = new StaffMember("bo@ostersund.se", "Bo");

    private static Introduction proposed() {
        Change<Introduction> proposed = Introduction.propose("n1", new Introduction.Proposal("i1", "company",
                CounterpartKind.PARTNERSHIP, "p1", "department", "p1", "department", "Hemligt"), AT, BO);
        assertThat(proposed.events()).containsExactly(new IntroductionProposed("n1", "i1", "company", "PARTNERSHIP",
                "p1", "department", "p1", "department"));
        return proposed.state();
    }

    @Test
    void bothSidesAcceptingMakeItAcceptedAndThenItsOutcomesAreRecorded() {
        Change<Introduction> first = proposed().answer("n1", "company", Answer.ACCEPTED, AT, ANNA);
        Change<Introduction> second = first.state().answer("n1", "department", Answer.ACCEPTED, AT, BO);
        Change<Introduction> project = second.state().recordOutcome("n1",
                new OutcomeDetails(Outcome.PROJECT_REGISTERED, ON, "project-1", "Ansökan beviljad"), AT, BO);
        Change<Introduction> meeting = second.state().recordOutcome("n1",
                new OutcomeDetails(Outcome.MEETING, ON, "project-1", null), AT, BO);

        assertThat(first.state().status()).isEqualTo(IntroductionStatus.PROPOSED);
        assertThat(first.events()).containsExactly(new IntroductionAnswered("n1", "company", "ACCEPTED", "PROPOSED"));
        assertThat(second.state().status()).isEqualTo(IntroductionStatus.ACCEPTED);
        assertThat(second.events()).containsExactly(new IntroductionAnswered("n1", "department", "ACCEPTED",
                "ACCEPTED"));
        assertThat(project.events()).containsExactly(new IntroductionOutcomeRecorded("n1", "PROJECT_REGISTERED", ON,
                "project-1"));
        assertThat(project.state().outcomes().get(0).note()).isEqualTo("Ansökan beviljad");
        assertThat(meeting.events()).as("only a registered project names one")
                .containsExactly(new IntroductionOutcomeRecorded("n1", "MEETING", ON, null));
    }

    @Test
    void anErasureNamesThePersonByTheReplacementWhereverTheyActedAndLeavesTheOthers() {
        Introduction recorded = proposed().answer("n1", "company", Answer.ACCEPTED, AT, ANNA).state()
                .answer("n1", "department", Answer.ACCEPTED, AT, BO).state()
                .recordOutcome("n1", new OutcomeDetails(Outcome.MEETING, ON, null, "Möte i Kajaani"), AT, BO).state();
        assertThat(recorded.entriesNaming("n1", BO)).extracting(StaffEntry::entry)
                .containsExactly("proposedBy", "answers[1].by", "outcomes[0].recordedBy");

        Change<Introduction> erased = recorded.withStaffErased("n1", BO, "STAFF, department").orElseThrow();

        assertThat(erased.events()).containsExactly(new IntroductionStaffNamesErased("n1"));
        Introduction after = erased.state();
        assertThat(List.of(after.proposedBy(), after.answers().get(1).by(), after.outcomes().get(0).recordedBy()))
                .containsOnly("STAFF, department");
        assertThat(after.answers().get(0).by()).as("another person's answer").isEqualTo("Anna");
        assertThat(after.outcomes().get(0).note()).isEqualTo("Möte i Kajaani");
        assertThat(after.entriesNaming("n1", BO)).isEmpty();
        assertThat(after.withStaffErased("n1", BO, "STAFF, department")).isEmpty();
    }

    @Test
    void oneSideDecliningEndsItAndNoSideAnswersTwice() {
        Introduction introduction = proposed();
        Change<Introduction> accepted = introduction.answer("n1", "company", Answer.ACCEPTED, AT, ANNA);
        Change<Introduction> declined = accepted.state().answer("n1", "department", Answer.DECLINED, AT, BO);

        assertThat(declined.state().status()).isEqualTo(IntroductionStatus.DECLINED);
        assertThatThrownBy(() -> accepted.state().answer("n1", "company", Answer.DECLINED, AT, ANNA))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> introduction.answer("n1", "department", Answer.DECLINED, AT, BO).state()
                .answer("n1", "company", Answer.ACCEPTED, AT, ANNA)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> accepted.state().recordOutcome("n1", new OutcomeDetails(Outcome.MEETING, ON, null,
                null), AT, BO)).as("not accepted by both yet").isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> declined.state().recordOutcome("n1", new OutcomeDetails(Outcome.NOTHING, ON, null,
                null), AT, BO)).isInstanceOf(IllegalTransitionException.class);
    }
}
