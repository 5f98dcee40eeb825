package se.samverka.partnership.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.CallClosed;
import se.samverka.partnership.contracts.CallClosingSoon;
import se.samverka.partnership.contracts.CallDescription;
import se.samverka.partnership.contracts.CallPublished;
import se.samverka.partnership.contracts.CallStaffNamesErased;
import se.samverka.partnership.contracts.CallUpdated;
import se.samverka.partnership.contracts.CallWithdrawn;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.platform.events.Money;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.MoneyDetails;
import se.samverka.reference.GlobalTheme;

/** A funding call's events, status and deadline notices, without any infrastructure and on fixed days. */
class CallTest {

    private static final String ID = "c1";
    private static final LocalDate OPENS = LocalDate.of(2027, 3, 1);
    private static final LocalDate DEADLINE = LocalDate.of(2027, 5, 31);
    private static final List<Integer> LEAD_TIMES = List.of(30, 7);
    private static final Money BUDGET = new Money(new BigDecimal("2500000.00"), "EUR");
    private static final Instant AT = Instant.parse("2027-04-01T08:00:00Z");
    private static final StaffMember COORDINATOR = new StaffMember("admin", "coordinator");

    @Test
    void publishingAnnouncesTheWholeDescriptionAndAPublicCallByDefault() {
        Change<Call> published = Call.publish(ID, details(DEADLINE), BUDGET);

        assertThat(published.events()).containsExactly(new CallPublished(ID, new CallDescription("INTERREG_AURORA",
                "Interreg Aurora, call 4", null, "Small projects", OPENS, DEADLINE, BUDGET, List.of("CLIMATE"),
                List.of(), List.of("S3"), List.of("SE", "FI", "NO"), List.of("MUNICIPALITY", "COMPANY"),
                "https://www.interregaurora.eu/calls", "PUBLIC")));
        assertThat(published.state().closingNoticesSent()).isEmpty();
    }

    @Test
    void itsStatusAndDaysLeftFollowFromItsDates() {
        Call call = call();

        assertThat(call.status(OPENS.minusDays(1))).isEqualTo(CallStatus.UPCOMING);
        assertThat(call.daysLeft(OPENS.minusDays(1))).isEqualTo(92);
        assertThat(call.status(OPENS)).isEqualTo(CallStatus.OPEN);
        assertThat(call.status(DEADLINE)).isEqualTo(CallStatus.OPEN);
        assertThat(call.daysLeft(DEADLINE)).isZero();
        assertThat(call.status(DEADLINE.plusDays(1))).isEqualTo(CallStatus.CLOSED);
        assertThat(call.daysLeft(DEADLINE.plusDays(1))).isNull();
        Call withdrawn = call.withdraw(ID, "Programme cancelled", AT, COORDINATOR).state();
        assertThat(withdrawn.status(OPENS)).isEqualTo(CallStatus.WITHDRAWN);
        assertThat(withdrawn.daysLeft(OPENS)).isNull();
    }

    @Test
    void eachLeadTimeIsAnnouncedOnceAndTheClosingOnceAfterTheDeadline() {
        Call call = call();
        assertThat(call.deadlineNotice(ID, DEADLINE.minusDays(31), LEAD_TIMES)).isEmpty();

        Change<Call> thirty = notice(call, DEADLINE.minusDays(30));
        assertThat(thirty.events()).containsExactly(new CallClosingSoon(ID, DEADLINE, 30));
        assertThat(thirty.state().deadlineNotice(ID, DEADLINE.minusDays(8), LEAD_TIMES)).isEmpty();
        Change<Call> seven = notice(thirty.state(), DEADLINE.minusDays(7));
        assertThat(seven.events()).containsExactly(new CallClosingSoon(ID, DEADLINE, 7));
        assertThat(seven.state().deadlineNotice(ID, DEADLINE, LEAD_TIMES)).as("open through its last day").isEmpty();

        Change<Call> closed = notice(seven.state(), DEADLINE.plusDays(1));
        assertThat(closed.events()).containsExactly(new CallClosed(ID, DEADLINE));
        assertThat(closed.state().deadlineNotice(ID, DEADLINE.plusDays(2), LEAD_TIMES)).isEmpty();
    }

    @Test
    void aCheckAfterDowntimeSendsOnlyTheNearestNotice() {
        assertThat(notice(call(), DEADLINE.minusDays(3)).events())
                .containsExactly(new CallClosingSoon(ID, DEADLINE, 7));
        Call caughtUp = notice(call(), DEADLINE.minusDays(3)).state();
        assertThat(caughtUp.closingNoticesSent()).containsExactly(7, 30);
        assertThat(caughtUp.deadlineNotice(ID, DEADLINE.minusDays(1), LEAD_TIMES)).isEmpty();

        assertThat(notice(call(), DEADLINE.plusDays(40)).events()).containsExactly(new CallClosed(ID, DEADLINE));
    }

    @Test
    void aNewDeadlineGetsNoticesOfItsOwnAndAnUnchangedOneKeepsThem() {
        Call noticed = notice(call(), DEADLINE.minusDays(5)).state();

        Change<Call> corrected = noticed.describe(ID, details(DEADLINE), BUDGET);
        assertThat(corrected.events()).singleElement().isInstanceOf(CallUpdated.class);
        assertThat(corrected.state().deadlineNotice(ID, DEADLINE.minusDays(4), LEAD_TIMES)).isEmpty();

        Call extended = noticed.describe(ID, details(DEADLINE.plusDays(60)), BUDGET).state();
        assertThat(notice(extended, DEADLINE.plusDays(30)).events())
                .containsExactly(new CallClosingSoon(ID, DEADLINE.plusDays(60), 30));
    }

    @Test
    void aWithdrawnCallGetsNoNoticeAndNoChange() {
        Change<Call> withdrawn = call().withdraw(ID, " Cancelled by the programme ", AT, COORDINATOR);

        assertThat(withdrawn.events()).containsExactly(new CallWithdrawn(ID));
        assertThat(withdrawn.state().withdrawal()).isEqualTo(new Withdrawal("Cancelled by the programme", AT,
                "coordinator", "admin"));
        assertThat(withdrawn.state().deadlineNotice(ID, DEADLINE.minusDays(1), LEAD_TIMES)).isEmpty();
        assertThat(withdrawn.state().deadlineNotice(ID, DEADLINE.plusDays(1), LEAD_TIMES)).isEmpty();
        assertThatThrownBy(() -> withdrawn.state().describe(ID, details(DEADLINE), BUDGET))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> withdrawn.state().withdraw(ID, "again", AT, COORDINATOR))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void whoWithdrewItIsExportedAndErased() {
        assertThat(call().entriesNaming(ID, COORDINATOR)).isEmpty();
        Call withdrawn = call().withdraw(ID, "Cancelled", AT, COORDINATOR).state();

        assertThat(withdrawn.entriesNaming(ID, COORDINATOR)).containsExactly(new StaffEntry("call", ID,
                "Interreg Aurora, call 4", "withdrawal.by", AT, null, "Withdrew the call"));
        Change<Call> erased = withdrawn.withStaffErased(ID, COORDINATOR, "ADMIN, Kommunledningsförvaltningen")
                .orElseThrow();
        assertThat(erased.events()).containsExactly(new CallStaffNamesErased(ID));
        assertThat(erased.state().withdrawal()).isEqualTo(new Withdrawal("Cancelled", AT,
                "ADMIN, Kommunledningsförvaltningen", "ADMIN, Kommunledningsförvaltningen"));
        assertThat(erased.state().withStaffErased(ID, COORDINATOR, "ADMIN, Kommunledningsförvaltningen")).isEmpty();
    }

    private static Change<Call> notice(Call call, LocalDate today) {
        Optional<Change<Call>> notice = call.deadlineNotice(ID, today, LEAD_TIMES);
        assertThat(notice).as("a notice on %s", today).isPresent();
        return notice.get();
    }

    private static Call call() {
        return Call.publish(ID, details(DEADLINE), BUDGET).state();
    }

    private static CallDetails details(LocalDate deadline) {
        return new CallDetails("INTERREG_AURORA", " Interreg Aurora, call 4 ", " ", "Small projects", OPENS, deadline,
                new MoneyDetails(new BigDecimal("2500000"), "EUR"), List.of(GlobalTheme.CLIMATE), List.of(),
                List.of("S3"), List.of("SE", "FI", "NO"),
                List.of(OrganisationType.MUNICIPALITY, OrganisationType.COMPANY), "https://www.interregaurora.eu/calls",
                null);
    }
}
