package se.samverka.partnership.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.PartnershipAgreementComingDue;
import se.samverka.partnership.contracts.PartnershipAgreementDue;
import se.samverka.partnership.contracts.PartnershipDecisionRecorded;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.partnership.contracts.PartnershipPartyAdded;
import se.samverka.partnership.contracts.PartnershipRegistered;
import se.samverka.partnership.contracts.PartnershipStaffNamesErased;
import se.samverka.partnership.contracts.PartnershipStatusChanged;
import se.samverka.partnership.contracts.PartnershipUpdated;
import se.samverka.partnership.contracts.Party;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/** The events each command of a partnership causes, without any infrastructure. */
class PartnershipTest {

    private static final Instant REGISTERED_AT = Instant.parse("2007-02-01T09:00:00Z");
    private static final Instant LATER = Instant.parse("2007-03-15T10:30:00Z");
    private static final String ID = "p1";
    private static final List<Integer> LEAD_TIMES = List.of(90, 30);
    private static final StaffMember COORDINATOR = new StaffMember("admin", "coordinator");
    private static final PartnershipDetails DETAILS = new PartnershipDetails(" Vänort Sundsvall–Pärnu ", "Twin towns",
            "Sedan 2007", PartnershipType.TWIN_CITY, Visibility.PUBLIC, "dep-1", List.of(GlobalTheme.CLIMATE),
            List.of("S1"), List.of(new PartnershipParty("a", PartyRole.LEAD), new PartnershipParty("b", PartyRole.PARTNER)));
    private static final PartnershipDescription DESCRIPTION = new PartnershipDescription("Vänort Sundsvall–Pärnu",
            "Twin towns", "Sedan 2007", "TWIN_CITY", "PUBLIC", "dep-1", List.of("CLIMATE"), List.of("S1"));

    @Test
    void registeringGivesOneRegisteredEventWithItsDescription() {
        Change<Partnership> registered = Partnership.register("p1", DETAILS, REGISTERED_AT, COORDINATOR);

        assertThat(registered.events()).containsExactly(new PartnershipRegistered("p1", "EXPLORING", List.of("a", "b"),
                List.of(new Party("a", "LEAD"), new Party("b", "PARTNER")), DESCRIPTION));
        assertThat(registered.state().status()).isEqualTo(PartnershipStatus.EXPLORING);
        assertThat(registered.state().statusSince()).isEqualTo(REGISTERED_AT);
        assertThat(registered.state().history()).containsExactly(new StatusChange(null, PartnershipStatus.EXPLORING,
                REGISTERED_AT, "coordinator", "admin", "Registered", null, false));
    }

    @Test
    void aStepInTheLifecycleGivesTheStatusChangedEvent() {
        Partnership exploring = registered().recordAgreement("p1",
                new Agreement(AgreementType.LETTER_OF_INTENT, LocalDate.of(2007, 3, 1), null, null, null)).state();

        Change<Partnership> moved = exploring.transition("p1",
                new Transition(PartnershipStatus.LETTER_OF_INTENT, "Signed", null), LATER, COORDINATOR);

        assertThat(moved.events()).containsExactly(
                new PartnershipStatusChanged("p1", "EXPLORING", "LETTER_OF_INTENT", null, false));
        assertThat(moved.state().status()).isEqualTo(PartnershipStatus.LETTER_OF_INTENT);
        assertThat(moved.state().statusSince()).isEqualTo(LATER);
        assertThat(moved.state().history()).hasSize(2).last()
                .isEqualTo(new StatusChange(PartnershipStatus.EXPLORING, PartnershipStatus.LETTER_OF_INTENT, LATER,
                        "coordinator", "admin", "Signed", null, false));
    }

    @Test
    void theStepsThePlatformTakesAreAutomatic() {
        Partnership registered = registered();
        Partnership active = new Partnership(registered.name(), registered.nameEn(), registered.description(),
                registered.type(), PartnershipStatus.ACTIVE, registered.visibility(), registered.parties(),
                registered.responsibleDepartmentId(), registered.themes(), registered.strategies(), null, List.of(),
                List.of(), REGISTERED_AT, List.of());

        Change<Partnership> dormant = active.markDormant("p1", LATER, "No activity");

        assertThat(dormant.events()).containsExactly(new PartnershipStatusChanged("p1", "ACTIVE", "DORMANT", null, true));
        assertThat(dormant.state().history()).last().extracting(StatusChange::by).isEqualTo(Partnership.PLATFORM);
        assertThat(dormant.state().reactivate("p1", LATER, "Activity").events())
                .containsExactly(new PartnershipStatusChanged("p1", "DORMANT", "ACTIVE", null, true));
    }

    @Test
    void aPersonsEntriesAreFoundByTheirSubjectAndOnlyWhereNoneIsKeptByTheirName() {
        StaffMember namesake = new StaffMember("another.coordinator@ostersund.se", "coordinator");
        Partnership woken = inStatus(PartnershipStatus.ACTIVE, null).markDormant(ID, LATER, "No activity").state()
                .transition(ID, new Transition(PartnershipStatus.ACTIVE, "Go", null), LATER, namesake).state();
        Partnership recorded = withDecisions(woken, new Decision("d1", "Kommunstyrelsen", LocalDate.of(2007, 2, 1),
                "12", null, null, LATER, "coordinator", null));

        assertThat(recorded.entriesNaming(ID, COORDINATOR)).extracting(StaffEntry::entry)
                .as("their own step, and a decision older than the subject's keeping; not the namesake's step")
                .containsExactly("history[0].by", "decisions[0].recordedBy");
        assertThat(recorded.entriesNaming(ID, COORDINATOR).get(0)).isEqualTo(new StaffEntry("partnership", ID,
                "Vänort Sundsvall–Pärnu", "history[0].by", REGISTERED_AT, null,
                "Registered the partnership (EXPLORING)"));
        assertThat(recorded.entriesNaming(ID, namesake)).extracting(StaffEntry::what)
                .as("an entry without a subject is every namesake's")
                .containsExactly("Moved the partnership from DORMANT to ACTIVE",
                        "Recorded decision d1 of Kommunstyrelsen, 2007-02-01");
        assertThat(recorded.entriesNaming(ID, new StaffMember("someone", Partnership.PLATFORM)))
                .as("the platform's steps name no person").isEmpty();
    }

    @Test
    void anErasureNamesThePersonByTheReplacementOnceAndAnnouncesItWithoutNames() {
        StaffMember namesake = new StaffMember("another.coordinator@ostersund.se", "coordinator");
        Partnership moved = registered().transition(ID, new Transition(PartnershipStatus.ENDED, "No", null), LATER,
                namesake).state().recordDecision(ID, new DecisionDetails("Kommunstyrelsen", LocalDate.of(2007, 2, 1),
                "12", null, "Note"), LATER, COORDINATOR).state();

        Change<Partnership> erased = moved.withStaffErased(ID, COORDINATOR, "ADMIN, Kommunledningsförvaltningen")
                .orElseThrow();

        assertThat(erased.events()).containsExactly(new PartnershipStaffNamesErased(ID));
        assertThat(erased.state().history()).extracting(StatusChange::by, StatusChange::bySubject).containsExactly(
                tuple("ADMIN, Kommunledningsförvaltningen", "ADMIN, Kommunledningsförvaltningen"),
                tuple("coordinator", "another.coordinator@ostersund.se"));
        assertThat(erased.state().decisions().get(0).recordedBy()).isEqualTo("ADMIN, Kommunledningsförvaltningen");
        assertThat(erased.state().decisions().get(0).note()).isEqualTo("Note");
        assertThat(erased.state().withStaffErased(ID, COORDINATOR, "ADMIN, Kommunledningsförvaltningen"))
                .as("nothing names them any more").isEmpty();
        assertThat(erased.state().entriesNaming(ID, namesake)).extracting(StaffEntry::entry)
                .containsExactly("history[1].by");
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
                LATER, COORDINATOR);

        assertThat(recorded.events()).containsExactly(new PartnershipDecisionRecorded("p1", "d1", "Kommunfullmäktige",
                LocalDate.of(2007, 11, 22), "185", "1783/200"));
        assertThat(recorded.state().decisions()).singleElement().extracting(Decision::note).isEqualTo("Internal");
    }

    @Test
    void anAgreementsDatesAreAnnouncedOncePerLeadTimeAndWhenTheyCome() {
        Partnership active = inStatus(PartnershipStatus.ACTIVE, agreement(LocalDate.of(2027, 6, 30), null));

        Partnership ninety = notices(active, LocalDate.of(2027, 4, 1)).state();
        assertThat(notices(active, LocalDate.of(2027, 4, 1)).events()).containsExactly(
                new PartnershipAgreementComingDue("p1", "EXPIRY", LocalDate.of(2027, 6, 30), 90));
        assertThat(ninety.agreementNotices(ID, LocalDate.of(2027, 4, 2), LEAD_TIMES, LATER)).isEmpty();
        Partnership thirty = notices(ninety, LocalDate.of(2027, 5, 31)).state();
        assertThat(notices(ninety, LocalDate.of(2027, 5, 31)).events()).containsExactly(
                new PartnershipAgreementComingDue("p1", "EXPIRY", LocalDate.of(2027, 6, 30), 30));
        assertThat(thirty.agreementNotices(ID, LocalDate.of(2027, 6, 30), LEAD_TIMES, LATER))
                .as("it holds through its last day").isEmpty();

        Change<Partnership> expired = notices(thirty, LocalDate.of(2027, 7, 1));
        assertThat(expired.events()).containsExactly(
                new PartnershipAgreementDue("p1", "EXPIRY", LocalDate.of(2027, 6, 30)),
                new PartnershipStatusChanged("p1", "ACTIVE", "UNDER_REVIEW", null, true));
        assertThat(expired.state().history()).last().isEqualTo(new StatusChange(PartnershipStatus.ACTIVE,
                PartnershipStatus.UNDER_REVIEW, LATER, Partnership.PLATFORM, null, "Agreement expired on 2027-06-30",
                null, true));
        assertThat(expired.state().agreementNotices(ID, LocalDate.of(2027, 8, 1), LEAD_TIMES, LATER)).isEmpty();
    }

    @Test
    void aCheckAfterDowntimeSendsOnlyTheNearestNoticeOfEachDate() {
        Partnership dormant = inStatus(PartnershipStatus.DORMANT,
                agreement(LocalDate.of(2027, 6, 30), LocalDate.of(2027, 3, 1)));

        Change<Partnership> late = notices(dormant, LocalDate.of(2027, 6, 10));

        assertThat(late.events()).containsExactly(
                new PartnershipAgreementComingDue("p1", "EXPIRY", LocalDate.of(2027, 6, 30), 30),
                new PartnershipAgreementDue("p1", "RENEWAL", LocalDate.of(2027, 3, 1)));
        assertThat(late.state().status()).as("a renewal moves nothing").isEqualTo(PartnershipStatus.DORMANT);
        assertThat(notices(dormant, LocalDate.of(2027, 9, 1)).events()).containsExactly(
                new PartnershipAgreementDue("p1", "EXPIRY", LocalDate.of(2027, 6, 30)),
                new PartnershipStatusChanged("p1", "DORMANT", "UNDER_REVIEW", null, true),
                new PartnershipAgreementDue("p1", "RENEWAL", LocalDate.of(2027, 3, 1)));
    }

    @Test
    void anExpiryMovesOnlyWhatMayGoToReviewAndAnEndedPartnershipGetsNoNotice() {
        Agreement expired = agreement(LocalDate.of(2027, 6, 30), null);

        assertThat(notices(inStatus(PartnershipStatus.EXPLORING, expired), LocalDate.of(2027, 7, 1)).events())
                .containsExactly(new PartnershipAgreementDue("p1", "EXPIRY", LocalDate.of(2027, 6, 30)));
        assertThat(notices(inStatus(PartnershipStatus.UNDER_REVIEW, expired), LocalDate.of(2027, 7, 1)).events())
                .containsExactly(new PartnershipAgreementDue("p1", "EXPIRY", LocalDate.of(2027, 6, 30)));
        assertThat(inStatus(PartnershipStatus.ENDED, expired)
                .agreementNotices(ID, LocalDate.of(2027, 7, 1), LEAD_TIMES, LATER)).isEmpty();
        assertThat(registered().agreementNotices(ID, LocalDate.of(2027, 7, 1), LEAD_TIMES, LATER))
                .as("no agreement").isEmpty();
    }

    @Test
    void aNewAgreementWithOtherDatesGetsNoticesOfItsOwn() {
        Partnership noticed = notices(inStatus(PartnershipStatus.ACTIVE,
                agreement(LocalDate.of(2027, 6, 30), LocalDate.of(2027, 6, 1))), LocalDate.of(2027, 5, 20)).state();

        Partnership extended = noticed.recordAgreement(ID,
                agreement(LocalDate.of(2027, 8, 1), LocalDate.of(2027, 6, 1))).state();

        assertThat(extended.agreementNotices()).extracting(AgreementNotice::due).containsOnly(AgreementDue.RENEWAL);
        assertThat(notices(extended, LocalDate.of(2027, 5, 21)).events()).containsExactly(
                new PartnershipAgreementComingDue("p1", "EXPIRY", LocalDate.of(2027, 8, 1), 90));
    }

    private static Change<Partnership> notices(Partnership partnership, LocalDate today) {
        return partnership.agreementNotices(ID, today, LEAD_TIMES, LATER).orElseThrow();
    }

    private static Partnership withDecisions(Partnership p, Decision... decisions) {
        return new Partnership(p.name(), p.nameEn(), p.description(), p.type(), p.status(), p.visibility(),
                p.parties(), p.responsibleDepartmentId(), p.themes(), p.strategies(), p.agreement(),
                List.of(decisions), p.history(), p.statusSince(), p.agreementNotices());
    }

    private static Agreement agreement(LocalDate validTo, LocalDate renewalOn) {
        return new Agreement(AgreementType.AGREEMENT, LocalDate.of(2024, 1, 10), LocalDate.of(2024, 2, 1), validTo,
                renewalOn);
    }

    private static Partnership inStatus(PartnershipStatus status, Agreement agreement) {
        Partnership p = registered();
        return new Partnership(p.name(), p.nameEn(), p.description(), p.type(), status, p.visibility(), p.parties(),
                p.responsibleDepartmentId(), p.themes(), p.strategies(), agreement, List.of(), p.history(),
                REGISTERED_AT, List.of());
    }

    private static Partnership registered() {
        return Partnership.register("p1", DETAILS, REGISTERED_AT, COORDINATOR).state();
    }
}
