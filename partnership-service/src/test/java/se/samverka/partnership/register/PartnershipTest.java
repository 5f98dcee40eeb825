package se.samverka.partnership.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.partnership.contracts.PartnershipDecisionRecorded;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipPartyAdded;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/** The events each command of a partnership causes, without any infrastructure. */
class PartnershipTest {

    private static final Instant REGISTERED_AT = Instant.parse("2007-02-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2007-03-15T10:30:00Z");
    private static final PartnershipDetails DETAILS = new PartnershipDetails(" Vänort Sundsvall–Pärnu ", "Twin towns",
            "Sedan 2007", PartnershipType.TWIN_CITY, Visibility.PUBLIC, "dep-1", List.of(GlobalTheme.CLIMATE),
            List.of("S1"), List.of(new PartnershipParty("a", PartyRole.LEAD), new PartnershipParty("b", PartyRole.PARTNER)));
    private static final PartnershipDescription DESCRIPTION = new PartnershipDescription("Vänort Sundsvall–Pärnu",
            "Twin towns", "Sedan 2007", "TWIN_CITY", "PUBLIC", "dep-1", List.of("CLIMATE"), List.of("S1"));

    @Test
    void registeringGivesOneRegisteredEventWithItsDescription() {
        Change<Partnership> registered = Partnership.register("p1", DETAILS, REGISTERED_AT, "coordinator");

        assertThat(registered.events()).containsExactly(new PartnershipRegistered("p1", "EXPLORING", List.of("a", "b"),
                List.of(new Party("a", "LEAD"), new Party("b", "PARTNER")), DESCRIPTION));
        assertThat(registered.state().status()).isEqualTo(PartnershipStatus.EXPLORING);
        assertThat(registered.state().statusSince()).isEqualTo(REGISTERED_AT);
        assertThat(registered.state().history()).containsExactly(new StatusChange(null, PartnershipStatus.EXPLORING,
                REGISTERED_AT, "coordinator", "Registered", null, false));
    }

    @Test
    void aStepInTheLifecycleGivesTheStatusChangedEvent() {
        Partnership exploring = registered().recordAgreement("p1",
                new Agreement(AgreementType.LETTER_OF_INTENT, LocalDate.of(2007, 3, 1), null, null, null)).state();

        Change<Partnership> moved = exploring.transition("p1",
                new Transition(PartnershipStatus.LETTER_OF_INTENT, "Signed", null), LATER, "coordinator");

        assertThat(moved.events()).containsExactly(
                new PartnershipStatusChanged("p1", "EXPLORING", "LETTER_OF_INTENT", null, false));
        assertThat(moved.state().status()).isEqualTo(PartnershipStatus.LETTER_OF_INTENT);
        assertThat(moved.state().statusSince()).isEqualTo(LATER);
        assertThat(moved.state().history()).hasSize(2).last()
                .isEqualTo(new StatusChange(PartnershipStatus.EXPLORING, PartnershipStatus.LETTER_OF_INTENT, LATER,
                        "coordinator", "Signed", null, false));
    }

    @Test
    void theStepsThePlatformTakesAreAutomatic() {
        Partnership registered = registered();
        Partnership active = new Partnership(registered.name(), registered.nameEn(), registered.description(),
                registered.type(), PartnershipStatus.ACTIVE, registered.visibility(), registered.parties(),
                registered.responsibleDepartmentId(), registered.themes(), registered.strategies(), null, List.of(),
                List.of(), REGISTERED_AT);

        Change<Partnership> dormant = active.markDormant("p1", LATER, "No activity");

        assertThat(dormant.events()).containsExactly(new PartnershipStatusChanged("p1", "ACTIVE", "DORMANT", null, true));
        assertThat(dormant.state().history()).last().extracting(StatusChange::by).isEqualTo(Partnership.PLATFORM);
        assertThat(dormant.state().reactivate("p1", LATER, "Activity").events())
                .containsExactly(new PartnershipStatusChanged("p1", "DORMANT", "ACTIVE", null, true));
    }

    @Test
    void aDescriptionThatChangesNothingIsStillAnnounced() {
        Partnership partnership = registered();

        Change<Partnership> described = partnership.describe("p1", DETAILS);

        assertThat(described.state()).isEqualTo(partnership);
        assertThat(described.events()).containsExactly(new PartnershipUpdated("p1", DESCRIPTION));
    }

    @Test
    void aNewPartyIsAnnouncedWithItsRole() {
        Change<Partnership> added = registered().addParty("p1", new PartnershipParty("c", PartyRole.FUNDER));

        assertThat(added.events()).containsExactly(new PartnershipPartyAdded("p1", "c", "FUNDER"));
        assertThat(added.state().partyIds()).containsExactly("a", "b", "c");
    }

    @Test
    void aRefusedCommandCausesNoEvent() {
        Partnership partnership = registered();

        assertThatThrownBy(() -> partnership.addParty("p1", new PartnershipParty("a", PartyRole.MEMBER)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> partnership.removeParty("p1", "b"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aDecisionIsAnnouncedWithoutItsNote() {
        Change<Partnership> recorded = registered().recordDecision("p1",
                new DecisionDetails(" Kommunfullmäktige ", LocalDate.of(2007, 11, 22), "185", "1783/200", "Internal"),
                LATER, "coordinator");

        assertThat(recorded.events()).containsExactly(new PartnershipDecisionRecorded("p1", "d1", "Kommunfullmäktige",
                LocalDate.of(2007, 11, 22), "185", "1783/200"));
        assertThat(recorded.state().decisions()).singleElement().extracting(Decision::note).isEqualTo("Internal");
    }

    private static Partnership registered() {
        return Partnership.register("p1", DETAILS, REGISTERED_AT, "coordinator").state();
    }
}
