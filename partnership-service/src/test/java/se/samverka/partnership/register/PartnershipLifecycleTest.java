package se.samverka.partnership.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.reference.Visibility;

class PartnershipLifecycleTest {

    @Test
    void eachStatusAllowsItsSteps() {
        assertThat(PartnershipLifecycle.allowedFrom(PartnershipStatus.EXPLORING))
                .containsExactly(PartnershipStatus.LETTER_OF_INTENT, PartnershipStatus.ENDED);
        assertThat(PartnershipLifecycle.allowedFrom(PartnershipStatus.DORMANT))
                .containsExactly(PartnershipStatus.ACTIVE, PartnershipStatus.UNDER_REVIEW);
        assertThat(PartnershipLifecycle.allowedFrom(PartnershipStatus.ENDED)).isEmpty();
    }

    @Test
    void aLetterOfIntentNeedsARecordedAgreement() {
        Partnership exploring = partnership(PartnershipStatus.EXPLORING, null, List.of());

        assertThatThrownBy(() -> PartnershipLifecycle.check(exploring, step(PartnershipStatus.LETTER_OF_INTENT, null)))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("transition.partnership.agreement");
        PartnershipLifecycle.check(exploring.recordAgreement("p1",
                new Agreement(AgreementType.LETTER_OF_INTENT, LocalDate.of(2007, 3, 1), null, null, null)).state(),
                step(PartnershipStatus.LETTER_OF_INTENT, null));
    }

    @Test
    void dormancyIsNeverTypedIn() {
        assertThatThrownBy(() -> PartnershipLifecycle.check(partnership(PartnershipStatus.ACTIVE, null, List.of()),
                step(PartnershipStatus.DORMANT, null)))
                .isInstanceOf(IllegalTransitionException.class)
                .satisfies(e -> assertThat(((IllegalTransitionException) e).allowed()).containsExactly("UNDER_REVIEW"));
    }

    @Test
    void endingAReviewedPartnershipNeedsItsDecision() {
        Decision decision = new Decision("d1", "Kommunfullmäktige", LocalDate.of(2007, 11, 22), "185", "1783/200", null,
                Instant.now(), "coordinator", "admin");
        Partnership reviewed = partnership(PartnershipStatus.UNDER_REVIEW, null, List.of(decision));

        assertThatThrownBy(() -> PartnershipLifecycle.check(reviewed, step(PartnershipStatus.ENDED, null)))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> PartnershipLifecycle.check(reviewed, step(PartnershipStatus.ENDED, "d2")))
                .isInstanceOf(InvalidRequestException.class);
        PartnershipLifecycle.check(reviewed, step(PartnershipStatus.ENDED, "d1"));
    }

    private static Transition step(PartnershipStatus to, String decisionId) {
        return new Transition(to, "why", decisionId);
    }

    private static Partnership partnership(PartnershipStatus status, Agreement agreement, List<Decision> decisions) {
        return new Partnership("Vänort", null, null, PartnershipType.TWIN_CITY, status, Visibility.PUBLIC,
                List.of(new PartnershipParty("a", PartyRole.LEAD), new PartnershipParty("b", PartyRole.PARTNER)), null,
                List.of(), List.of(), agreement, decisions, List.of(), Instant.now(), List.of());
    }
}
