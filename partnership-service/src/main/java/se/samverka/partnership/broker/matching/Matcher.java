package se.samverka.partnership.broker.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.samverka.partnership.broker.interest.Direction;
import se.samverka.partnership.broker.interest.Interest;
import se.samverka.partnership.broker.interest.Purpose;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.platform.security.Caller;
import se.samverka.reference.MunicipalStrategy;
import se.samverka.reference.Sector;

/**
 * The broker's matching: ranks candidates for an interest by criteria of configurable weight, each met criterion with
 * its reasons, so that a score is never a black box. Only candidates the caller may read, that are open, and that do
 * not belong to the interest's own organisation are ranked; where the interest names countries or regions, only
 * candidates there (or looking there); of other interests, only those that complement it (an offer meets a search).
 * Order: score, then name, then id.
 */
public final class Matcher {

    /** The kinds of organisation that suit each purpose, for organisations of the directory. */
    private static final Map<Purpose, Set<OrganisationType>> SUITED = Map.of(
            Purpose.EXPORT, EnumSet.of(OrganisationType.COMPANY, OrganisationType.FOREIGN_ORGANISATION,
                    OrganisationType.NETWORK),
            Purpose.EXCHANGE, EnumSet.of(OrganisationType.FOREIGN_CITY, OrganisationType.FOREIGN_REGION,
                    OrganisationType.MUNICIPALITY, OrganisationType.UNIVERSITY, OrganisationType.SOCIAL_ECONOMY),
            Purpose.COMPETENCE, EnumSet.of(OrganisationType.UNIVERSITY, OrganisationType.COMPANY,
                    OrganisationType.GOVERNMENT_AGENCY, OrganisationType.FOREIGN_ORGANISATION),
            Purpose.APPLICATION_PARTNERS, EnumSet.of(OrganisationType.FOREIGN_CITY, OrganisationType.FOREIGN_REGION,
                    OrganisationType.REGION, OrganisationType.MUNICIPALITY, OrganisationType.UNIVERSITY,
                    OrganisationType.FOREIGN_ORGANISATION));
    /** What a candidate must meet where it applies: be where the interest looks, and complement an interest. */
    private static final Set<Criterion> REQUIRED = EnumSet.of(Criterion.PLACE, Criterion.COMPLEMENTARY);
    private static final Set<Sector> BUSINESS_AND_SOCIAL_ECONOMY = EnumSet.of(Sector.PRIVATE, Sector.SOCIAL_ECONOMY);

    private final MatchWeights weights;
    private final Set<String> businessStrategies;
    private final Map<String, MunicipalStrategy.Strategy> strategies;
    private final Map<String, MunicipalStrategy.Name> growthAreas;

    /**
     * @param businessStrategies the strategies that ask for cooperation with business and the social economy: a
     *                           candidate serving one suits an interest of a company or of the social economy
     */
    public Matcher(MatchWeights weights, Collection<String> businessStrategies, MunicipalStrategy strategy) {
        this.weights = weights;
        this.businessStrategies = Set.copyOf(businessStrategies);
        this.strategies = strategy.strategies().stream()
                .collect(Collectors.toMap(MunicipalStrategy.Strategy::code, Function.identity()));
        this.growthAreas = strategy.growthAreas().stream()
                .collect(Collectors.toMap(MunicipalStrategy.GrowthArea::code, MunicipalStrategy.GrowthArea::name));
    }

    public MatchWeights weights() {
        return weights;
    }

    /** The strategies for cooperation with business and the social economy. */
    public Set<String> businessStrategies() {
        return businessStrategies;
    }

    /** The best {@code limit} matches among the candidates, for this caller. */
    public List<Match> rank(Seeker seeker, Collection<Candidate> candidates, Caller caller, int limit) {
        String own = seeker.interest().organisationId();
        return candidates.stream()
                .filter(Candidate::open)
                .filter(candidate -> candidate.organisationId() == null || !candidate.organisationId().equals(own))
                .filter(candidate -> !candidate.id().equals(seeker.interestId()))
                .filter(candidate -> caller.mayRead(candidate.visibility(), candidate.ownerOrganisationId()))
                .map(candidate -> judge(seeker, candidate))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(Match::score).reversed()
                        .thenComparing(match -> match.name().sv(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Match::id))
                .limit(limit)
                .toList();
    }

    /** What one criterion found: its points (0 to its weight) and why. */
    private record Judgement(double points, List<MatchReason> reasons, String country) {

        static final Judgement NOTHING = new Judgement(0, List.of(), null);
    }

    private Optional<Match> judge(Seeker seeker, Candidate candidate) {
        double applicable = 0;
        double points = 0;
        String country = null;
        List<MatchReason> reasons = new ArrayList<>();
        for (Criterion criterion : Criterion.values()) {
            if (!candidate.kind().judgedBy(criterion) || !asks(seeker, candidate, criterion)) {
                continue;
            }
            Judgement judgement = judge(criterion, seeker, candidate);
            if (REQUIRED.contains(criterion) && judgement.points() == 0) {
                return Optional.empty();
            }
            applicable += weights.of(criterion);
            points += judgement.points();
            reasons.addAll(judgement.reasons());
            country = country == null ? judgement.country() : country;
        }
        if (points <= 0 || applicable <= 0) {
            return Optional.empty();
        }
        if (country == null && !candidate.places().isEmpty()) {
            country = candidate.places().get(0).country();
        }
        int score = (int) Math.round(Math.min(100, 100 * points / applicable));
        return Optional.of(new Match(candidate.kind(), candidate.id(), candidate.name(), candidate.organisationId(),
                candidate.organisationName(), country, score, reasons));
    }

    /** Whether the interest asks anything of this criterion (an interest that names no place looks anywhere). */
    private boolean asks(Seeker seeker, Candidate candidate, Criterion criterion) {
        Interest interest = seeker.interest();
        return switch (criterion) {
            case PLACE -> !interest.countries().isEmpty() || !interest.regions().isEmpty();
            case THEMES -> !interest.themes().isEmpty();
            case GROWTH_AREAS -> !interest.growthAreas().isEmpty();
            case STRATEGIES -> BUSINESS_AND_SOCIAL_ECONOMY.contains(seeker.sector()) && !businessStrategies.isEmpty();
            case SECTORS -> !interest.sectors().isEmpty()
                    || candidate.looking() != null && !candidate.looking().sectors().isEmpty();
            case PURPOSES, COMPLEMENTARY -> true;
        };
    }

    private Judgement judge(Criterion criterion, Seeker seeker, Candidate candidate) {
        return switch (criterion) {
            case PLACE -> place(seeker.interest(), candidate);
            case THEMES -> themes(seeker.interest(), candidate);
            case GROWTH_AREAS -> growthAreas(seeker.interest(), candidate);
            case STRATEGIES -> strategies(candidate);
            case SECTORS -> sectors(seeker, candidate);
            case PURPOSES -> purposes(seeker.interest(), candidate);
            case COMPLEMENTARY -> complementary(seeker.interest(), candidate);
        };
    }

    /**
     * A region named matches in full; a country named matches in full unless the interest narrows it to regions,
     * then by half. An interest looking at the same places matches in full.
     */
    private Judgement place(Interest interest, Candidate candidate) {
        Set<String> narrowed = interest.regions().stream().map(region -> region.substring(0, 2))
                .collect(Collectors.toSet());
        double full = weights.place();
        double best = 0;
        String country = null;
        List<MatchReason> reasons = new ArrayList<>();
        for (Candidate.Place place : candidate.places()) {
            Word where;
            double points;
            if (place.region() != null && interest.regions().contains(place.region())) {
                where = new Word.Region(place.region());
                points = full;
            } else if (interest.countries().contains(place.country())) {
                where = new Word.Country(place.country());
                points = narrowed.contains(place.country()) ? full / 2 : full;
            } else {
                continue;
            }
            reasons.add(candidate.twinCity() ? MatchReason.of("TWIN_CITY", Criterion.PLACE, 0, place.who())
                    : MatchReason.of("IN_PLACE", Criterion.PLACE, 0, place.who(), where));
            if (points > best) {
                best = points;
                country = place.country();
            }
        }
        if (candidate.looking() != null) {
            List<Word> same = new ArrayList<>();
            interest.regions().stream().filter(candidate.looking().regions()::contains).sorted()
                    .forEach(region -> same.add(new Word.Region(region)));
            interest.countries().stream().filter(candidate.looking().countries()::contains).sorted()
                    .forEach(code -> same.add(new Word.Country(code)));
            if (!same.isEmpty()) {
                reasons.add(MatchReason.of("SAME_PLACE", Criterion.PLACE, 0, new Word.Several(same)));
                best = full;
            }
        }
        return new Judgement(best, withPoints(reasons, best), country);
    }

    private Judgement themes(Interest interest, Candidate candidate) {
        List<Word> shared = interest.themes().stream().filter(candidate.themes()::contains)
                .map(theme -> (Word) new Word.Term("broker.theme", theme.name())).toList();
        return shared.isEmpty() ? Judgement.NOTHING : met(Criterion.THEMES, "SAME_THEME", new Word.Several(shared));
    }

    private Judgement growthAreas(Interest interest, Candidate candidate) {
        List<Word> shared = interest.growthAreas().stream().filter(candidate.growthAreas()::contains)
                .map(code -> (Word) named(growthAreas.get(code), code)).toList();
        return shared.isEmpty() ? Judgement.NOTHING
                : met(Criterion.GROWTH_AREAS, "SAME_GROWTH_AREA", new Word.Several(shared));
    }

    private Judgement strategies(Candidate candidate) {
        List<MatchReason> reasons = businessStrategies.stream().filter(candidate.strategies()::contains).sorted()
                .map(code -> MatchReason.of("SERVES_STRATEGY", Criterion.STRATEGIES, 0, strategyName(code)))
                .toList();
        return reasons.isEmpty() ? Judgement.NOTHING
                : new Judgement(weights.strategies(), withPoints(reasons, weights.strategies()), null);
    }

    /** A candidate in a sector the interest wants; an interest that wants the seeker's sector. */
    private Judgement sectors(Seeker seeker, Candidate candidate) {
        List<MatchReason> reasons = new ArrayList<>();
        List<Word> wanted = seeker.interest().sectors().stream().filter(candidate.sectors()::contains)
                .map(sector -> (Word) new Word.Term("broker.sector", sector.name())).toList();
        if (!wanted.isEmpty()) {
            reasons.add(MatchReason.of("IN_SECTOR", Criterion.SECTORS, 0, new Word.Several(wanted)));
        }
        Candidate.Looking looking = candidate.looking();
        if (looking != null && seeker.sector() != null && looking.sectors().contains(seeker.sector())) {
            boolean project = looking.forProject() && looking.direction() == Direction.SEEKS;
            reasons.add(MatchReason.of(project ? "PROJECT_SEEKS_SECTOR" : "WANTS_SECTOR", Criterion.SECTORS, 0,
                    new Word.Term("broker.partner", seeker.sector().name())));
        }
        return reasons.isEmpty() ? Judgement.NOTHING
                : new Judgement(weights.sectors(), withPoints(reasons, weights.sectors()), null);
    }

    /** Interests with a purpose in common; organisations of a kind that suits one of the purposes. */
    private Judgement purposes(Interest interest, Candidate candidate) {
        if (candidate.looking() != null) {
            List<Word> shared = interest.purposes().stream().filter(candidate.looking().purposes()::contains)
                    .map(purpose -> (Word) new Word.Term("broker.purpose", purpose.name())).toList();
            return shared.isEmpty() ? Judgement.NOTHING
                    : met(Criterion.PURPOSES, "SAME_PURPOSE", new Word.Several(shared));
        }
        List<Word> suited = interest.purposes().stream()
                .filter(purpose -> SUITED.get(purpose).contains(candidate.type()))
                .map(purpose -> (Word) new Word.Term("broker.purpose", purpose.name())).toList();
        return suited.isEmpty() ? Judgement.NOTHING
                : met(Criterion.PURPOSES, "SUITS_PURPOSE", new Word.Term("organisation-type", candidate.type().name()),
                new Word.Several(suited));
    }

    private Judgement complementary(Interest interest, Candidate candidate) {
        if (candidate.looking() == null || candidate.looking().direction() != interest.direction().opposite()) {
            return Judgement.NOTHING;
        }
        return met(Criterion.COMPLEMENTARY, interest.direction() == Direction.SEEKS ? "OFFERS_WHAT_YOU_SEEK"
                : "SEEKS_WHAT_YOU_OFFER");
    }

    private Judgement met(Criterion criterion, String code, Word... words) {
        double points = weights.of(criterion);
        return new Judgement(points, List.of(MatchReason.of(code, criterion, points, words)), null);
    }

    /** The criterion's points go with its first reason; the others explain the same points. */
    private static List<MatchReason> withPoints(List<MatchReason> reasons, double points) {
        List<MatchReason> given = new ArrayList<>(reasons);
        if (!given.isEmpty()) {
            MatchReason first = given.get(0);
            given.set(0, new MatchReason(first.code(), first.criterion(), points, first.words()));
        }
        return given;
    }

    private Word strategyName(String code) {
        MunicipalStrategy.Strategy strategy = strategies.get(code);
        return strategy == null ? Word.Name.of(code)
                : new Word.Name(code + " " + strategy.name().sv(), code + " " + strategy.name().en());
    }

    private static Word named(MunicipalStrategy.Name name, String code) {
        return name == null ? Word.Name.of(code) : new Word.Name(name.sv(), name.en());
    }
}
