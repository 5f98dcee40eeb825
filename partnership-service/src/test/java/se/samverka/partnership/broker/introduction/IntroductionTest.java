package se.samverka.partnership.broker.introduction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.IntroductionAnswered;
import se.samverka.partnership.contracts.IntroductionOutcomeRecorded;
import se.samverka.partnership.contracts.IntroductionProposed;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.web.IllegalTransitionException;

class IntroductionTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final LocalDate ON = LocalDate.parse("2026-03-20");

    private static Introduction proposed() {
        Change<Introduction> proposed = Introduction.propose("n1", new Introduction.Proposal("i1", "company",
                CounterpartKind.PARTNERSHIP, "p1", "department", "p1", "department", "Hemligt"), AT, "Bo");
        assertThat(proposed.events()).containsExactly(new IntroductionProposed("n1", "i1", "company", "PARTNERSHIP",
                "p1", "department", "p1", "department"));
        return proposed.state();
    }

    @Test
    void bothSidesAcceptingMakeItAcceptedAndThenItsOutcomesAreRecorded() {
        Change<Introduction> first = proposed().answer("n1", "company", Answer.ACCEPTED, AT, "Anna");
        Change<Introduction> second = first.state().answer("n1", "department", Answer.ACCEPTED, AT, "Bo");
        Change<Introduction> project = second.state().recordOutcome("n1",
                new OutcomeDetails(Outcome.PROJECT_REGISTERED, ON, "project-1", "Ansökan beviljad"), AT, "Bo");
        Change<Introduction> meeting = second.state().recordOutcome("n1",
                new OutcomeDetails(Outcome.MEETING, ON, "project-1", null), AT, "Bo");

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
    void oneSideDecliningEndsItAndNoSideAnswersTwice() {
        Introduction introduction = proposed();
        Change<Introduction> accepted = introduction.answer("n1", "company", Answer.ACCEPTED, AT, "Anna");
        Change<Introduction> declined = accepted.state().answer("n1", "department", Answer.DECLINED, AT, "Bo");

        assertThat(declined.state().status()).isEqualTo(IntroductionStatus.DECLINED);
        assertThatThrownBy(() -> accepted.state().answer("n1", "company", Answer.DECLINED, AT, "Anna"))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> introduction.answer("n1", "department", Answer.DECLINED, AT, "Bo").state()
                .answer("n1", "company", Answer.ACCEPTED, AT, "Anna")).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> accepted.state().recordOutcome("n1", new OutcomeDetails(Outcome.MEETING, ON, null,
                null), AT, "Bo")).as("not accepted by both yet").isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> declined.state().recordOutcome("n1", new OutcomeDetails(Outcome.NOTHING, ON, null,
                null), AT, "Bo")).isInstanceOf(IllegalTransitionException.class);
    }
}
