package se.samverka.reporting.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.reference.FundingProgrammes;
import se.samverka.reference.MunicipalStrategy;
import se.samverka.reporting.ReportingSettings;
import se.samverka.reporting.readmodel.BrokerEntries;
import se.samverka.reporting.readmodel.CallEntry;
import se.samverka.reporting.readmodel.InterestEntry;
import se.samverka.reporting.readmodel.IntroductionEntry;
import se.samverka.reporting.readmodel.IntroductionEntry.OutcomeEntry;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Count;
import se.samverka.reporting.report.Names;

/** The broker's figures from entries built by hand, on 15 June 2026 in Östersund. */
class BrokerReportTest {

    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final BrokerReport REPORT = new BrokerReport(
            new Names(MunicipalStrategy.load(null), FundingProgrammes.load(null)),
            new ReportingSettings(STOCKHOLM, 40, Map.of(), null),
            Clock.fixed(Instant.parse("2026-06-15T10:00:00Z"), STOCKHOLM));

    private static final Snapshot DIRECTORY = new Snapshot(Map.of(
            "o-company", organisation("Jämtlandsbryggeriet AB", "COMPANY", "PRIVATE"),
            "o-forening", organisation("Föreningen Vinterliv", "SOCIAL_ECONOMY", "SOCIAL_ECONOMY"),
            // Registered before organisations had a sector: a department's is public.
            "o-dept", organisation("Kultur- och fritidsförvaltningen", "DEPARTMENT", null),
            "o-network", organisation("Mid Nordic Network", "NETWORK", null)),
            Map.of("t-kajaani", new PartnershipEntry(new PartnershipDescription("Vänort Kajaani", "Twin city Kajaani",
                    null, "TWIN_CITY", "PUBLIC", "o-dept", List.of(), List.of()), "ACTIVE", List.of(), null, null,
                    null, null)),
            Map.of());

    private static final BrokerEntries ENTRIES = new BrokerEntries(
            Map.of("c1", call("INTERREG_AURORA", "PUBLISHED", "2026-01-05"),
                    "c2", call("INTERREG_AURORA", "CLOSED", "2026-02-01"),
                    "c3", call("ERASMUS_PLUS", CallEntry.WITHDRAWN, "2026-03-01"),
                    "c4", call("ERASMUS_PLUS", "PUBLISHED", "2025-10-01"),
                    "c5", call("CERV_TOWN_TWINNING", "PUBLISHED", "2026-04-01")),
            Map.of("n1", interest("o-company", "OFFERS", "2026-01-10", "2026-12-31", "OPEN", null),
                    "n2", interest("o-forening", "SEEKS", "2026-02-01", "2027-01-31", "WITHDRAWN", "2026-03-01"),
                    "n3", interest("o-company", "SEEKS", "2025-05-01", "2026-12-31", "OPEN", null),
                    "n4", interest("o-dept", "OFFERS", "2025-01-01", "2025-06-30", "EXPIRED", "2025-07-01"),
                    // Past its last day, though the check that closes it has not run yet.
                    "n5", interest("o-company", "OFFERS", "2026-06-01", "2026-06-10", "OPEN", null)),
            Map.of("i1", introduction("o-company", "t-kajaani", "2026-02-01", "ACCEPTED",
                            outcome("MEETING", null), outcome("JOINT_APPLICATION", null),
                            outcome("PROJECT_REGISTERED", "p-1")),
                    "i2", introduction("o-company", null, "2026-03-01", "ACCEPTED",
                            outcome("MEETING", null), outcome("MEETING", null)),
                    "i3", introduction("o-forening", "t-kajaani", "2026-04-01", "DECLINED"),
                    "i4", introduction("o-dept", "t-unknown", "2026-05-01", "PROPOSED"),
                    "i5", introduction("o-network", null, "2026-05-02", "ACCEPTED",
                            outcome("PROJECT_REGISTERED", null)),
                    "i6", introduction("o-company", null, "2025-11-01", "ACCEPTED",
                            outcome("PROJECT_REGISTERED", "p-2"))));

    private final Broker year = REPORT.of(DIRECTORY, ENTRIES, 2026, null);

    @Test
    void countsTheYearsIntroductionsAndWhatBecameOfThem() {
        Broker.Figures total = year.introductions().total();
        assertThat(total.proposed()).isEqualTo(5);
        assertThat(total.accepted()).isEqualTo(3);
        assertThat(total.declined()).isEqualTo(1);
        assertThat(total.pending()).isEqualTo(1);
        assertThat(total.outcomes()).as("an introduction that led to a meeting twice counts once")
                .containsExactly(Map.entry("MEETING", 2L), Map.entry("JOINT_APPLICATION", 1L),
                        Map.entry("PROJECT_REGISTERED", 2L), Map.entry("NOTHING", 0L));
        assertThat(total.projects()).as("a project registered that names no project is not one").isEqualTo(1);
        assertThat(year.introductions().perYear()).extracting(Count::key, Count::count)
                .containsExactly(tuple("2025", 1L),
                        tuple("2026", 5L));
    }

    @Test
    void groupsThemBySectorOfTheInterestsOrganisationTheThreeAlwaysAndUnknownLast() {
        assertThat(year.introductions().sectors()).extracting(Broker.SectorRow::sector)
                .containsExactly("PUBLIC", "PRIVATE", "SOCIAL_ECONOMY", "NONE");
        Broker.SectorRow publicSector = year.introductions().sectors().get(0);
        assertThat(publicSector.figures().proposed()).as("a department without a sector is public").isEqualTo(1);
        assertThat(publicSector.figures().pending()).isEqualTo(1);
        Broker.SectorRow business = year.introductions().sectors().get(1);
        assertThat(business.name()).isEqualTo("Näringsliv");
        assertThat(business.nameEn()).isEqualTo("Business");
        assertThat(business.figures().proposed()).isEqualTo(2);
        assertThat(business.figures().projects()).isEqualTo(1);
        assertThat(business.figures().outcomes().get("MEETING")).isEqualTo(2);
        assertThat(year.introductions().sectors().get(2).figures().declined()).isEqualTo(1);
        assertThat(year.introductions().sectors().get(3).figures().accepted()).isEqualTo(1);
    }

    @Test
    void groupsThemByPartnershipByNameTheUnknownByItsId() {
        assertThat(year.introductions().partnerships()).extracting(Broker.PartnershipRow::partnershipId,
                        Broker.PartnershipRow::name, Broker.PartnershipRow::nameEn)
                .containsExactly(tuple("t-unknown", "t-unknown", null),
                        tuple("t-kajaani", "Vänort Kajaani", "Twin city Kajaani"));
        Broker.Figures kajaani = year.introductions().partnerships().get(1).figures();
        assertThat(List.of(kajaani.proposed(), kajaani.accepted(), kajaani.declined(), kajaani.projects()))
                .containsExactly(2L, 1L, 1L, 1L);
    }

    @Test
    void countsTheInterestsStatedInTheYearAndThoseOpenTodayPerDirectionAndSector() {
        assertThat(year.interests().stated()).isEqualTo(3);
        assertThat(year.interests().open()).isEqualTo(2);
        assertThat(year.interests().rows()).hasSize(6)
                .extracting(Broker.InterestRow::direction, Broker.InterestRow::sector, Broker.InterestRow::stated,
                        Broker.InterestRow::open)
                .contains(tuple("OFFERS", "PRIVATE", 2L, 1L),
                        tuple("SEEKS", "PRIVATE", 0L, 1L),
                        tuple("SEEKS", "SOCIAL_ECONOMY", 1L, 0L),
                        tuple("OFFERS", "PUBLIC", 0L, 0L));
        assertThat(year.interests().rows().get(0).directionName()).isEqualTo("Erbjuder");
    }

    @Test
    void countsTheInterestsOpenAtTheEndOfAPastYear() {
        Broker before = REPORT.of(DIRECTORY, ENTRIES, 2025, null);
        assertThat(before.interests().stated()).isEqualTo(2);
        assertThat(before.interests().open()).as("only the one still standing on 31 December").isEqualTo(1);
    }

    @Test
    void countsTheCallsPublishedPerProgrammeWithdrawnOnesLeftOut() {
        assertThat(year.calls().published()).isEqualTo(3);
        assertThat(year.calls().programmes()).extracting(Broker.ProgrammeRow::programme, Broker.ProgrammeRow::name,
                        Broker.ProgrammeRow::nameEn, Broker.ProgrammeRow::published)
                .containsExactly(
                        tuple("INTERREG_AURORA", "Interreg Aurora", "Interreg Aurora", 2L),
                        tuple("CERV_TOWN_TWINNING", "CERV vänortssamarbete",
                                "CERV Town Twinning", 1L));
    }

    @Test
    void withoutAYearCountsEveryYear() {
        Broker all = REPORT.of(DIRECTORY, ENTRIES, null, null);
        assertThat(all.year()).isNull();
        assertThat(all.introductions().total().proposed()).isEqualTo(6);
        assertThat(all.introductions().total().projects()).isEqualTo(2);
        assertThat(all.interests().stated()).isEqualTo(5);
        assertThat(all.calls().published()).isEqualTo(4);
    }

    private static OrganisationEntry organisation(String name, String type, String sector) {
        return new OrganisationEntry(new OrganisationDescription(name, null, type, sector, "SE", "SE-Z", null, null,
                null, true));
    }

    private static CallEntry call(String programme, String status, String publishedOn) {
        return new CallEntry(programme, "Utlysning", null, null, LocalDate.of(2026, 11, 30), null, null, "PUBLIC",
                status, LocalDate.parse(publishedOn), null);
    }

    private static InterestEntry interest(String organisationId, String direction, String statedOn,
                                          String validUntil, String status, String closedOn) {
        return new InterestEntry(organisationId, direction, "COUNTY", LocalDate.parse(validUntil), status,
                LocalDate.parse(statedOn), closedOn == null ? null : LocalDate.parse(closedOn));
    }

    private static IntroductionEntry introduction(String organisationId, String partnershipId, String proposedOn,
                                                  String status, OutcomeEntry... outcomes) {
        return new IntroductionEntry("n1", organisationId, "PARTNERSHIP", "o-other", partnershipId, status,
                LocalDate.parse(proposedOn), List.of(outcomes));
    }

    private static OutcomeEntry outcome(String outcome, String projectId) {
        return new OutcomeEntry(outcome, LocalDate.of(2026, 6, 1), projectId);
    }
}
