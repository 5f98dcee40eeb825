package se.samverka.reporting.broker;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.samverka.reporting.ReportingSettings;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.BrokerEntries;
import se.samverka.reporting.readmodel.CallEntry;
import se.samverka.reporting.readmodel.InterestEntry;
import se.samverka.reporting.readmodel.IntroductionEntry;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.Tally;

/**
 * The broker's results (S3), computed from its calls, interests and introductions, and the organisations and
 * partnerships they name, when asked: a municipality's broker makes some hundreds a year.
 */
@Component
public class BrokerReport {

    public static final List<String> SECTORS = List.of("PUBLIC", "PRIVATE", "SOCIAL_ECONOMY");
    public static final List<String> DIRECTIONS = List.of("OFFERS", "SEEKS");
    public static final List<String> OUTCOMES = List.of("MEETING", "JOINT_APPLICATION", "PROJECT_REGISTERED",
            "NOTHING");

    /** What a person reads for a code of the broker's, in Swedish and English. */
    public record Label(String sv, String en) {
    }

    private static final Map<String, Label> LABELS = Map.ofEntries(
            Map.entry("PUBLIC", new Label("Offentlig sektor", "Public sector")),
            Map.entry("PRIVATE", new Label("Näringsliv", "Business")),
            Map.entry("SOCIAL_ECONOMY", new Label("Idéburen sektor", "Social economy")),
            Map.entry(Tally.NONE, new Label("Okänd sektor", "Unknown sector")),
            Map.entry("OFFERS", new Label("Erbjuder", "Offers")),
            Map.entry("SEEKS", new Label("Söker", "Seeks")),
            Map.entry("MEETING", new Label("Möte", "Meeting")),
            Map.entry("JOINT_APPLICATION", new Label("Gemensam ansökan", "Joint application")),
            Map.entry("PROJECT_REGISTERED", new Label("Projekt registrerat", "Project registered")),
            Map.entry("NOTHING", new Label("Inget resultat", "Nothing came of it")));

    /**
     * The sector of an organisation whose type decides it, for registrations published before organisations had a
     * sector (the directory's own rule: networks and foreign organisations vary, and are left unknown).
     */
    private static final Map<String, String> SECTOR_OF_TYPE = Map.ofEntries(
            Map.entry("DEPARTMENT", "PUBLIC"), Map.entry("MUNICIPAL_COMPANY", "PUBLIC"),
            Map.entry("MUNICIPALITY", "PUBLIC"), Map.entry("REGION", "PUBLIC"), Map.entry("UNIVERSITY", "PUBLIC"),
            Map.entry("GOVERNMENT_AGENCY", "PUBLIC"), Map.entry("FOREIGN_CITY", "PUBLIC"),
            Map.entry("FOREIGN_REGION", "PUBLIC"), Map.entry("COMPANY", "PRIVATE"),
            Map.entry("SOCIAL_ECONOMY", "SOCIAL_ECONOMY"));

    private final Names names;
    private final ZoneId zone;
    private final Clock clock;

    BrokerReport(Names names, ReportingSettings settings, Clock clock) {
        this.names = names;
        this.zone = settings.zone();
        this.clock = clock;
    }

    /** The code's words; the code itself for one the broker does not know. */
    public static Label label(String code) {
        return LABELS.getOrDefault(code, new Label(code, code));
    }

    /**
     * @param directory the organisations and partnerships the entries name
     * @param year      the year to count, or null for all years
     */
    public Broker of(Snapshot directory, BrokerEntries entries, Integer year, Freshness freshness) {
        return new Broker(year, introductions(directory, entries.introductions().values(), year),
                interests(directory, entries.interests().values(), year), calls(entries.calls().values(), year),
                freshness);
    }

    private static Broker.Introductions introductions(Snapshot directory, Collection<IntroductionEntry> all,
                                                      Integer year) {
        Tally perYear = Tally.inKeyOrder();
        all.forEach(introduction -> perYear.add(String.valueOf(introduction.proposedOn().getYear())));
        List<IntroductionEntry> ofYear = all.stream()
                .filter(introduction -> year == null || introduction.proposedOn().getYear() == year).toList();
        Map<String, List<IntroductionEntry>> bySector = ofYear.stream()
                .collect(Collectors.groupingBy(introduction -> sector(directory, introduction.organisationId())));
        List<Broker.SectorRow> sectors = sectorsAndOthers(bySector.keySet()).stream()
                .map(sector -> new Broker.SectorRow(sector, label(sector).sv(), label(sector).en(),
                        figures(bySector.getOrDefault(sector, List.of()))))
                .toList();
        Map<String, List<IntroductionEntry>> byPartnership = ofYear.stream()
                .filter(introduction -> introduction.partnershipId() != null)
                .collect(Collectors.groupingBy(IntroductionEntry::partnershipId));
        List<Broker.PartnershipRow> partnerships = byPartnership.entrySet().stream().map(partnership -> {
            PartnershipEntry known = directory.partnerships().get(partnership.getKey());
            return new Broker.PartnershipRow(partnership.getKey(),
                    known == null ? partnership.getKey() : known.description().name(),
                    known == null ? null : known.description().nameEn(), figures(partnership.getValue()));
        }).collect(Names.byName(Broker.PartnershipRow::name));
        return new Broker.Introductions(figures(ofYear), perYear.counts(), sectors, partnerships);
    }

    /** What became of these introductions; an introduction that led to an outcome twice counts once under it. */
    static Broker.Figures figures(Collection<IntroductionEntry> introductions) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> outcomes.put(outcome, 0L));
        introductions.forEach(introduction -> introduction.outcomes().stream()
                .map(IntroductionEntry.OutcomeEntry::outcome).distinct()
                .forEach(outcome -> outcomes.merge(outcome, 1L, Long::sum)));
        return new Broker.Figures(introductions.size(), withStatus(introductions, "ACCEPTED"),
                withStatus(introductions, "DECLINED"), withStatus(introductions, "PROPOSED"), outcomes,
                introductions.stream().filter(IntroductionEntry::becameAProject).count());
    }

    private static long withStatus(Collection<IntroductionEntry> introductions, String status) {
        return introductions.stream().filter(introduction -> status.equals(introduction.status())).count();
    }

    private Broker.Interests interests(Snapshot directory, Collection<InterestEntry> all, Integer year) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate day = year == null || year >= today.getYear() ? today : LocalDate.of(year, 12, 31);
        List<InterestEntry> stated = all.stream()
                .filter(interest -> year == null || interest.statedOn().getYear() == year).toList();
        List<InterestEntry> open = all.stream().filter(interest -> interest.standsOn(day)).toList();
        Map<List<String>, Long> statedBy = countedBy(directory, stated);
        Map<List<String>, Long> openBy = countedBy(directory, open);
        List<String> directions = Stream.concat(DIRECTIONS.stream(), Stream.of(statedBy, openBy)
                .flatMap(counts -> counts.keySet().stream()).map(key -> key.get(0))
                .filter(direction -> !DIRECTIONS.contains(direction)).sorted()).distinct().toList();
        List<String> sectors = sectorsAndOthers(Stream.of(statedBy, openBy)
                .flatMap(counts -> counts.keySet().stream()).map(key -> key.get(1)).toList());
        List<Broker.InterestRow> rows = new ArrayList<>();
        for (String direction : directions) {
            for (String sector : sectors) {
                List<String> key = List.of(direction, sector);
                long statedHere = statedBy.getOrDefault(key, 0L);
                long openHere = openBy.getOrDefault(key, 0L);
                boolean always = DIRECTIONS.contains(direction) && SECTORS.contains(sector);
                if (always || statedHere > 0 || openHere > 0) {
                    rows.add(new Broker.InterestRow(direction, label(direction).sv(), label(direction).en(), sector,
                            label(sector).sv(), label(sector).en(), statedHere, openHere));
                }
            }
        }
        return new Broker.Interests(stated.size(), open.size(), rows);
    }

    private static Map<List<String>, Long> countedBy(Snapshot directory, List<InterestEntry> interests) {
        return interests.stream().collect(Collectors.groupingBy(interest -> List.of(
                Objects.requireNonNullElse(interest.direction(), Tally.NONE),
                sector(directory, interest.organisationId())), Collectors.counting()));
    }

    private Broker.Calls calls(Collection<CallEntry> all, Integer year) {
        List<CallEntry> published = all.stream().filter(call -> !call.withdrawn())
                .filter(call -> year == null || call.publishedOn().getYear() == year).toList();
        Tally perProgramme = Tally.named(names::programme);
        published.forEach(call -> perProgramme.add(call.programme()));
        return new Broker.Calls(published.size(), perProgramme.counts().stream()
                .map(count -> new Broker.ProgrammeRow(count.key(), count.name(), names.programmeEn(count.key()),
                        count.count()))
                .toList());
    }

    /** The three sectors in their order, then any other found (NONE last). */
    private static List<String> sectorsAndOthers(Collection<String> found) {
        return Stream.concat(SECTORS.stream(), found.stream().filter(sector -> !SECTORS.contains(sector))
                        .sorted(Comparator.comparing((String sector) -> sector.equals(Tally.NONE))
                                .thenComparing(Function.identity())))
                .distinct().toList();
    }

    /** The organisation's sector, from its type where it published none; NONE where neither tells (or unknown). */
    static String sector(Snapshot directory, String organisationId) {
        return directory.organisation(organisationId).map(OrganisationEntry::description)
                .map(description -> description.sector() != null ? description.sector()
                        : SECTOR_OF_TYPE.get(description.type()))
                .orElse(Tally.NONE);
    }
}
