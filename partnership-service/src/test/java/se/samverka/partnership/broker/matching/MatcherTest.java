package se.samverka.partnership.broker.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import se.samverka.partnership.activity.ProjectLinks.KnownProject;
import se.samverka.partnership.broker.interest.Direction;
import se.samverka.partnership.broker.interest.Interest;
import se.samverka.partnership.broker.interest.InterestStatus;
import se.samverka.partnership.broker.interest.Purpose;
import se.samverka.partnership.call.Call;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.partnership.register.Partnership;
import se.samverka.partnership.register.PartnershipParty;
import se.samverka.partnership.register.PartnershipStatus;
import se.samverka.partnership.register.PartnershipType;
import se.samverka.partnership.register.PartyRole;
import se.samverka.platform.security.Caller;
import se.samverka.platform.tokens.Role;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.MunicipalStrategy;
import se.samverka.reference.Sector;
import se.samverka.reference.Visibility;

class MatcherTest {

    private static final MunicipalStrategy STRATEGY = MunicipalStrategy.load("");
    private static final MatchWeights WEIGHTS = new MatchWeights(30, 15, 15, 10, 10, 10, 10, 10);
    private static final Caller ADMIN = new Caller("a", "Admin", Role.ADMIN, null);
    private static final Caller STAFF = new Caller("s", "Staff", Role.STAFF, "department");
    private static final Caller ANONYMOUS = Caller.ANONYMOUS;
    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final LocalDate TODAY = LocalDate.parse("2026-03-02");

    private static final Map<String, Organisation> DIRECTORY = Map.of(
            "municipality", organisation("Östersunds kommun", OrganisationType.MUNICIPALITY, "SE", "SE-Z"),
            "department", new Organisation("Kommunledningsförvaltningen", null, OrganisationType.DEPARTMENT,
                    Sector.PUBLIC, "SE", "SE-Z", null, null, null, "municipality", true, List.of(), null),
            "company", organisation("Storsjö Upplevelser AB", OrganisationType.COMPANY, "SE", "SE-Z"),
            "kajaani", organisation("Kajaanin kaupunki", OrganisationType.FOREIGN_CITY, "FI", "FI-05"),
            "adventures", organisation("Kainuu Adventures", OrganisationType.FOREIGN_ORGANISATION, "FI", "FI-05"),
            "helsinki", organisation("Helsingin kaupunki", OrganisationType.FOREIGN_CITY, "FI", "FI-18"),
            "trondheim", organisation("Trondheim kommune", OrganisationType.FOREIGN_CITY, "NO", "NO-50"),
            "berlin", organisation("Berlin", OrganisationType.FOREIGN_CITY, "DE", null));

    private final Matcher matcher = new Matcher(WEIGHTS, List.of("S3"), STRATEGY);
    private final ReasonWords words = new ReasonWords(messages());

    /** A company's offer of export and application partners in Kainuu, on climate and the experience industry. */
    private static Interest offer() {
        return interest("company", Direction.OFFERS, List.of(Purpose.EXPORT), List.of("FI"), List.of("FI-05"),
                List.of(Sector.PRIVATE), null, Visibility.PUBLIC, InterestStatus.OPEN);
    }

    private static Seeker seeker() {
        return Seeker.interest("ours", offer(), DIRECTORY.get("company"));
    }

    @Test
    void ranksByTheShareOfWhatAppliesThatIsMetThenByName() {
        List<Match> matches = matcher.rank(seeker(), List.of(
                twinCity("twin", "Vänort Kajaani", PartnershipStatus.ACTIVE, Visibility.PUBLIC),
                Candidates.organisation("adventures", DIRECTORY.get("adventures")),
                Candidates.organisation("helsinki", DIRECTORY.get("helsinki")),
                Candidates.organisation("trondheim", DIRECTORY.get("trondheim")),
                Candidates.organisation("kajaani", DIRECTORY.get("kajaani"))), ADMIN, 20);

        assertThat(matches).extracting(Match::id).containsExactly("adventures", "twin", "kajaani", "helsinki");
        assertThat(matches).extracting(Match::score).containsExactly(100, 85, 60, 30);
        assertThat(matches.get(1).kind()).isEqualTo(CandidateKind.PARTNERSHIP);
        assertThat(matches.get(1).organisationId()).as("who answers for a partnership").isEqualTo("department");
        assertThat(matches.get(3).country()).isEqualTo("FI");
        assertThat(matcher.rank(seeker(), List.of(Candidates.organisation("b", organisation("Beta Oy",
                        OrganisationType.COMPANY, "FI", "FI-05")), Candidates.organisation("a", organisation("Alfa Oy",
                        OrganisationType.COMPANY, "FI", "FI-05"))), ADMIN, 20))
                .as("equal scores by name").extracting(Match::id).containsExactly("a", "b");
        assertThat(matcher.rank(seeker(), List.of(Candidates.organisation("adventures", DIRECTORY.get("adventures")),
                Candidates.organisation("kajaani", DIRECTORY.get("kajaani"))), ADMIN, 1)).hasSize(1);
    }

    @Test
    void everyReasonIsWrittenInEnglishAndSwedish() {
        List<Match> matches = matcher.rank(seeker(), List.of(
                twinCity("twin", "Vänort Kajaani", PartnershipStatus.ACTIVE, Visibility.PUBLIC),
                Candidates.organisation("adventures", DIRECTORY.get("adventures")),
                Candidates.organisation("helsinki", DIRECTORY.get("helsinki"))), ADMIN, 20);

        assertThat(texts(matches.get(1), Locale.ENGLISH)).containsExactly("Kajaanin kaupunki twin city",
                "Same global theme: climate",
                "Serves strategy S3 Cooperation with business and the social economy in international questions");
        assertThat(texts(matches.get(1), SWEDISH)).containsExactly("Kajaanin kaupunki är vänort",
                "Samma globala fråga: klimat", "Bidrar till strategi S3 Ökad samverkan med näringslivet och den "
                        + "sociala ekonomin i internationella frågor");
        assertThat(texts(matches.get(0), Locale.ENGLISH)).containsExactly("Kainuu Adventures in Kainuu",
                "In the private sector", "A foreign organisation suits export");
        assertThat(texts(matches.get(0), SWEDISH)).containsExactly("Kainuu Adventures i Kainuu", "Inom näringslivet",
                "Organisation utomlands passar för export");
        assertThat(texts(matches.get(2), Locale.ENGLISH)).containsExactly("Helsingin kaupunki in Finland");
        assertThat(matches.get(0).reasons()).extracting(MatchReason::points).containsExactly(30.0, 10.0, 10.0);
    }

    @Test
    void theWeightsDecideWhatCounts() {
        Matcher themesFirst = new Matcher(new MatchWeights(10, 90, 0, 0, 0, 0, 0, 0), List.of("S3"), STRATEGY);
        List<Candidate> candidates = List.of(twinCity("twin", "Vänort Kajaani", PartnershipStatus.ACTIVE,
                Visibility.PUBLIC), Candidates.organisation("helsinki", DIRECTORY.get("helsinki")));

        assertThat(themesFirst.rank(seeker(), candidates, ADMIN, 20)).extracting(Match::id, Match::score)
                .containsExactly(tuple("twin", 100),
                        tuple("helsinki", 50));
        assertThat(matcher.rank(seeker(), candidates, ADMIN, 20)).extracting(Match::score).containsExactly(85, 30);
    }

    @Test
    void onlyWhatTheCallerMayReadIsMatchedAndNeverTheInterestsOwnOrWhatHasEnded() {
        Candidate internalProject = project("p1", "department", "INTERNAL", "ONGOING");
        Candidate ownProject = project("p2", "company", "PUBLIC", "IDEA");
        Candidate cancelled = project("p3", "department", "PUBLIC", "CANCELLED");
        Candidate ended = twinCity("ended", "Vänort Kajaani", PartnershipStatus.ENDED, Visibility.PUBLIC);
        Candidate internalTwin = twinCity("internal", "Vänort Kajaani", PartnershipStatus.ACTIVE, Visibility.INTERNAL);
        Candidate closed = Candidates.interest("closed", interest("adventures", Direction.SEEKS,
                List.of(Purpose.EXPORT), List.of("SE"), List.of(), List.of(), null, Visibility.PUBLIC,
                InterestStatus.EXPIRED), DIRECTORY);
        List<Candidate> all = List.of(internalProject, ownProject, cancelled, ended, internalTwin, closed);

        assertThat(matcher.rank(seeker(), all, ADMIN, 20)).extracting(Match::id).containsExactly("internal", "p1");
        assertThat(matcher.rank(seeker(), all, STAFF, 20)).extracting(Match::id).containsExactly("internal", "p1");
        assertThat(matcher.rank(seeker(), all, new Caller("c", "C", Role.COMPANY, "department"), 20))
                .as("the owner reads its own").extracting(Match::id).containsExactly("internal", "p1");
        assertThat(matcher.rank(seeker(), all, new Caller("c", "C", Role.COMPANY, "company"), 20)).isEmpty();
        assertThat(matcher.rank(seeker(), all, ANONYMOUS, 20)).isEmpty();
    }

    @Test
    void anInterestThatSeeksWhatIsOfferedForItsProjectSaysSo() {
        Candidate theirs = Candidates.interest("theirs", interest("adventures", Direction.SEEKS,
                List.of(Purpose.EXPORT, Purpose.APPLICATION_PARTNERS), List.of("SE"), List.of(),
                List.of(Sector.PRIVATE), "project-1", Visibility.PUBLIC, InterestStatus.OPEN), DIRECTORY);
        Candidate alike = Candidates.interest("alike", interest("helsinki", Direction.OFFERS, List.of(Purpose.EXPORT),
                List.of("FI"), List.of(), List.of(), null, Visibility.PUBLIC, InterestStatus.OPEN), DIRECTORY);

        List<Match> matches = matcher.rank(seeker(), List.of(theirs, alike), ADMIN, 20);

        assertThat(matches).as("an offer meets a search, not another offer").extracting(Match::id)
                .containsExactly("theirs");
        assertThat(texts(matches.get(0), Locale.ENGLISH)).containsExactly("Kainuu Adventures in Kainuu",
                "Same global theme: climate", "Same growth area: Experience industry and technology",
                "In the private sector", "Their project seeks a private partner", "Same purpose: export",
                "Seeks what you offer");
        assertThat(texts(matches.get(0), SWEDISH)).contains("Deras projekt söker en privat partner",
                "Samma insatsområde: Upplevelseindustri/upplevelseteknologi", "Samma syfte: export",
                "Söker det ni erbjuder");
        assertThat(matches.get(0).score()).isEqualTo(100);
    }

    @Test
    void openCallsMatchAnInterestWhereAndWhomTheyFundWithTheirDeadline() {
        Seeker partners = Seeker.interest("ours", interest("company", Direction.SEEKS,
                List.of(Purpose.EXPORT, Purpose.APPLICATION_PARTNERS), List.of("FI"), List.of("FI-05"),
                List.of(Sector.PRIVATE), null, Visibility.PUBLIC, InterestStatus.OPEN), DIRECTORY.get("company"));
        Candidate aurora = call("aurora", List.of("SE", "FI", "NO"), List.of(), null, 25, Visibility.PUBLIC);
        Candidate forCompanies = call("companies", List.of(), List.of(OrganisationType.COMPANY), 10, 40,
                Visibility.PUBLIC);
        List<Candidate> refused = List.of(
                call("norway", List.of("NO"), List.of(), null, 25, Visibility.PUBLIC),
                call("municipalities", List.of("FI"), List.of(OrganisationType.MUNICIPALITY), null, 25,
                        Visibility.PUBLIC),
                call("closed", List.of("FI"), List.of(), null, -1, Visibility.PUBLIC));

        List<Match> matches = matcher.rank(partners, concat(List.of(aurora, forCompanies), refused), ADMIN, 20);

        assertThat(matches).as("not open to Finland, nor to companies, nor open any longer").extracting(Match::id)
                .containsExactly("aurora", "companies");
        assertThat(matches).extracting(Match::kind).containsOnly(CandidateKind.CALL);
        assertThat(matches.get(0).score()).isEqualTo(100);
        assertThat(matches.get(0).organisationId()).as("no organisation answers for a call").isNull();
        assertThat(matches.get(0).organisationName().sv()).isEqualTo("Interreg Aurora");
        assertThat(matches.get(0).country()).isEqualTo("FI");
        assertThat(texts(matches.get(0), Locale.ENGLISH)).containsExactly("Open to organisations in Finland",
                "Same global theme: climate", "Same growth area: Experience industry and technology",
                "Serves strategy S3 Cooperation with business and the social economy in international questions",
                "A funding call suits application partners", "Deadline in 25 days");
        assertThat(texts(matches.get(0), SWEDISH)).containsExactly("Öppen för organisationer i Finland",
                "Samma globala fråga: klimat", "Samma insatsområde: Upplevelseindustri/upplevelseteknologi",
                "Bidrar till strategi S3 Ökad samverkan med näringslivet och den sociala ekonomin i internationella "
                        + "frågor", "En utlysning passar för partner för en ansökan", "Sista dag om 25 dagar");
        assertThat(texts(matches.get(1), Locale.ENGLISH)).contains("Open to organisations in any country",
                "Eligible kind of organisation: company", "Opens in 10 days", "Deadline in 40 days");
        assertThat(texts(matches.get(1), SWEDISH)).contains("Öppen för organisationer i alla länder",
                "Organisationstyp som får söka: Företag", "Öppnar om 10 dagar", "Sista dag om 40 dagar");
        assertThat(matches.get(0).reasons().get(5).points()).as("the deadline only informs").isZero();
        assertThat(texts(matcher.rank(partners, List.of(call("today", List.of(), List.of(), 1, 0,
                Visibility.PUBLIC)), ADMIN, 20).get(0), SWEDISH)).contains("Öppnar i morgon", "Sista dag i dag");
        assertThat(texts(matcher.rank(partners, List.of(call("tomorrow", List.of(), List.of(), null, 1,
                Visibility.PUBLIC)), ADMIN, 20).get(0), Locale.ENGLISH)).contains("Deadline tomorrow");
        assertThat(matcher.rank(partners, List.of(call("internal", List.of(), List.of(), null, 25,
                Visibility.INTERNAL)), new Caller("c", "C", Role.COMPANY, "company"), 20))
                .as("an internal call is the municipality's").isEmpty();
    }

    @Test
    void anInterestInExportAloneMeetsCallsOnItsOtherCriteriaOnly() {
        Candidate aurora = call("aurora", List.of("FI"), List.of(), null, 25, Visibility.PUBLIC);

        Match forExport = matcher.rank(seeker(), List.of(aurora), ADMIN, 20).get(0);

        assertThat(forExport.score()).as("70 of 80: all but the purposes").isEqualTo(88);
        assertThat(forExport.reasons()).extracting(MatchReason::code).doesNotContain("CALL_SUITS_PURPOSE");
    }

    @Test
    void aCallsMatchesArePartnershipsInterestsAndEarlyProjectsWhereAndOfKindsItFunds() {
        Seeker aurora = Seeker.call("aurora", callOf(List.of("SE", "FI", "NO"), List.of(OrganisationType.MUNICIPALITY,
                OrganisationType.FOREIGN_CITY, OrganisationType.COMPANY), LocalDate.parse("2026-01-01"),
                Visibility.PUBLIC));
        Partnership twin = new Partnership("Vänort Kajaani", null, null, PartnershipType.TWIN_CITY,
                PartnershipStatus.ACTIVE, Visibility.PUBLIC, List.of(new PartnershipParty("municipality",
                PartyRole.LEAD), new PartnershipParty("kajaani", PartyRole.PARTNER)), "department",
                List.of(GlobalTheme.CLIMATE), List.of("S3"), null, null, null, Instant.EPOCH, null);
        Candidate seeksPartners = Candidates.interest("seeks", interest("kajaani", Direction.SEEKS,
                List.of(Purpose.APPLICATION_PARTNERS), List.of("SE"), List.of(), List.of(), null, Visibility.PUBLIC,
                InterestStatus.OPEN), DIRECTORY);
        Candidate offersCompetence = Candidates.interest("offers", interest("helsinki", Direction.OFFERS,
                List.of(Purpose.COMPETENCE), List.of(), List.of(), List.of(), null, Visibility.PUBLIC,
                InterestStatus.OPEN), DIRECTORY);
        Candidate ineligible = Candidates.interest("ineligible", interest("adventures", Direction.SEEKS,
                List.of(Purpose.APPLICATION_PARTNERS), List.of("FI"), List.of(), List.of(), null, Visibility.PUBLIC,
                InterestStatus.OPEN), DIRECTORY);
        Candidate elsewhere = Candidates.interest("elsewhere", interest("berlin", Direction.SEEKS,
                List.of(Purpose.APPLICATION_PARTNERS), List.of("DE"), List.of(), List.of(), null, Visibility.PUBLIC,
                InterestStatus.OPEN), DIRECTORY);
        Candidate ongoing = project("ongoing", "department", "PUBLIC", "ONGOING");
        Candidate internal = project("internal", "department", "INTERNAL", "PRE_STUDY");
        List<Candidate> all = List.of(Candidates.partnership("twin", twin, DIRECTORY, List.of("EXPERIENCE_INDUSTRY")),
                project("idea", "department", "PUBLIC", "IDEA"), internal, ongoing, seeksPartners, offersCompetence,
                ineligible, elsewhere);

        List<Match> matches = matcher.rank(aurora, all, STAFF, 20);

        assertThat(matches).as("an ongoing project has its money; a foreign organisation may not apply; "
                + "Germany is not among the call's countries").extracting(Match::id, Match::score)
                .containsExactly(tuple("seeks", 100), tuple("twin", 100), tuple("offers", 94), tuple("idea", 86),
                        tuple("internal", 86));
        assertThat(texts(matches.get(1), Locale.ENGLISH)).as("where it reaches: the municipality is in every one")
                .containsExactly("Kajaanin kaupunki in Finland", "Same global theme: climate",
                "Same growth area: Experience industry and technology",
                "Serves strategy S3 Cooperation with business and the social economy in international questions");
        assertThat(texts(matches.get(0), Locale.ENGLISH)).containsExactly("Kajaanin kaupunki in Finland",
                "Interested in Sweden", "Same global theme: climate",
                "Same growth area: Experience industry and technology", "Seeks application partners",
                "Eligible kind of organisation: foreign city");
        assertThat(texts(matches.get(0), SWEDISH)).containsExactly("Kajaanin kaupunki i Finland",
                "Intresserade av Sverige", "Samma globala fråga: klimat",
                "Samma insatsområde: Upplevelseindustri/upplevelseteknologi", "Söker partner för en ansökan",
                "Organisationstyp som får söka: Stad utomlands");
        assertThat(texts(matches.get(2), SWEDISH)).as("one that offers is the less likely applicant: half")
                .contains("Erbjuder kompetens");
        assertThat(matches.get(2).reasons()).filteredOn(reason -> reason.code().equals("OFFERS_PURPOSE"))
                .extracting(MatchReason::points).containsExactly(5.0);
        assertThat(matcher.rank(aurora, all, ANONYMOUS, 20)).extracting(Match::id)
                .containsExactly("seeks", "twin", "offers", "idea");
    }

    private List<String> texts(Match match, Locale locale) {
        return match.reasons().stream().map(reason -> words.text(reason, locale)).toList();
    }

    /** A call of Interreg Aurora on climate, the experience industry and S3, {@code daysLeft} to its deadline. */
    private static Candidate call(String id, List<String> countries, List<OrganisationType> types, Integer opensIn,
                                  int daysLeft, Visibility visibility) {
        Call call = callOf(countries, types, opensIn == null ? null : TODAY.plusDays(opensIn), visibility);
        Call dated = new Call(call.programme(), call.name(), call.nameEn(), null, call.opensOn(),
                TODAY.plusDays(daysLeft), null, call.themes(), call.growthAreas(), call.strategies(),
                call.eligibleCountries(), call.eligibleOrganisationTypes(), null, visibility, null, List.of(), false);
        return Candidates.call(id, dated, new Word.Name("Interreg Aurora", "Interreg Aurora"), TODAY);
    }

    private static Call callOf(List<String> countries, List<OrganisationType> types, LocalDate opensOn,
                               Visibility visibility) {
        return new Call("INTERREG_AURORA", "Småprojekt", "Small projects", null, opensOn, TODAY.plusDays(25), null,
                List.of(GlobalTheme.CLIMATE), List.of("EXPERIENCE_INDUSTRY"), List.of("S3"), countries, types, null,
                visibility, null, List.of(), false);
    }

    private static <T> List<T> concat(List<T> one, List<T> other) {
        return Stream.concat(one.stream(), other.stream()).toList();
    }

    private static Candidate twinCity(String id, String name, PartnershipStatus status, Visibility visibility) {
        Partnership partnership = new Partnership(name, null, null, PartnershipType.TWIN_CITY, status, visibility,
                List.of(new PartnershipParty("municipality", PartyRole.LEAD),
                        new PartnershipParty("kajaani", PartyRole.PARTNER)), "department",
                List.of(GlobalTheme.CLIMATE), List.of("S3"), null, null, null, Instant.EPOCH, null);
        return Candidates.partnership(id, partnership, DIRECTORY, List.of());
    }

    private static Candidate project(String id, String owner, String visibility, String status) {
        return Candidates.project(new KnownProject(id, List.of(), "Projekt " + id, status, visibility, owner,
                List.of("CLIMATE"), List.of("EXPERIENCE_INDUSTRY"), List.of(), List.of("kajaani")), DIRECTORY);
    }

    private static Interest interest(String organisation, Direction direction, List<Purpose> purposes,
                                     List<String> countries, List<String> regions, List<Sector> sectors,
                                     String projectId, Visibility visibility, InterestStatus status) {
        return new Interest(organisation, direction, purposes, "Intresse", null, countries, regions,
                List.of(GlobalTheme.CLIMATE), List.of("EXPERIENCE_INDUSTRY"), sectors, projectId,
                LocalDate.parse("2027-01-01"), visibility, status, Instant.EPOCH, "Anna", null, null);
    }

    private static Organisation organisation(String name, OrganisationType type, String country, String region) {
        Sector sector = type.sector().orElse(Sector.PRIVATE);
        return new Organisation(name, null, type, sector, country, region, null, null, null, null, true, List.of(),
                null);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("problems", "platform-problems");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
