package se.samverka.partnership.broker.interest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.InterestClosed;
import se.samverka.partnership.contracts.InterestStaffNamesErased;
import se.samverka.partnership.contracts.InterestStated;
import se.samverka.partnership.contracts.InterestUpdated;
import se.samverka.platform.messaging.outbox.Change;
import se.samverka.platform.messaging.personaldata.StaffEntry;
import se.samverka.platform.messaging.personaldata.StaffMember;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;
import se.samverka.reference.Visibility;

class InterestTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

    static InterestDetails details(String title) {
        return new InterestDetails("org-1", Direction.SEEKS, List.of(Purpose.EXPORT, Purpose.EXPORT), " " + title + " ",
                null, List.of("FI"), List.of("FI-05"), List.of(GlobalTheme.CLIMATE), List.of("EXPERIENCE_INDUSTRY"),
                List.of(Sector.PRIVATE), " ", LocalDate.parse("2026-12-31"), null);
    }

    @Test
    void aStatedInterestIsOpenAndItsEventCarriesItsDescriptionButNotWhoStatedIt() {
        Change<Interest> stated = Interest.state("i1", details("Export till Finland"), AT, new StaffMember("anna@foretaget.se", "Anna Andersson"));

        Interest interest = stated.state();
        assertThat(interest.status()).isEqualTo(InterestStatus.OPEN);
        assertThat(interest.title()).isEqualTo("Export till Finland");
        assertThat(interest.purposes()).containsExactly(Purpose.EXPORT);
        assertThat(interest.visibility()).isEqualTo(Visibility.INTERNAL);
        assertThat(interest.projectId()).isNull();
        InterestStated event = (InterestStated) stated.events().get(0);
        assertThat(event.description().regions()).containsExactly("FI-05");
        assertThat(event.description().sectors()).containsExactly("PRIVATE");
        assertThat(event.description().toString()).doesNotContain("Anna");
    }

    @Test
    void whoStatedItIsExportedAndErased() {
        StaffMember anna = new StaffMember("anna@foretaget.se", "Anna");
        Interest stated = Interest.state("i1", details("Export"), AT, anna).state();

        assertThat(stated.entriesNaming("i1", anna)).containsExactly(new StaffEntry("interest", "i1", "Export",
                "statedBy", AT, null, "Stated the interest"));
        Change<Interest> erased = stated.withStaffErased("i1", anna, "COMPANY, Företaget AB").orElseThrow();
        assertThat(erased.events()).containsExactly(new InterestStaffNamesErased("i1"));
        assertThat(erased.state().statedBy()).isEqualTo("COMPANY, Företaget AB");
        assertThat(erased.state().withStaffErased("i1", anna, "COMPANY, Företaget AB")).isEmpty();
    }

    @Test
    void itChangesWhileOpenAndClosesOnce() {
        Interest open = Interest.state("i1", details("Export"), AT, new StaffMember("anna@foretaget.se", "Anna")).state();

        Change<Interest> described = open.describe("i1", details("Export och utbyte"));
        Change<Interest> withdrawn = described.state().withdraw("i1", AT.plusSeconds(60));

        assertThat(described.events()).singleElement().isInstanceOf(InterestUpdated.class);
        assertThat(described.state().statedBy()).isEqualTo("Anna");
        assertThat(withdrawn.state().status()).isEqualTo(InterestStatus.WITHDRAWN);
        assertThat(withdrawn.state().closedAt()).isEqualTo(AT.plusSeconds(60));
        assertThat(withdrawn.events()).containsExactly(new InterestClosed("i1", "WITHDRAWN"));
        assertThatThrownBy(() -> withdrawn.state().expire("i1", AT)).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> withdrawn.state().describe("i1", details("X")))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(open.expire("i1", AT).events()).containsExactly(new InterestClosed("i1", "EXPIRED"));
    }
}
