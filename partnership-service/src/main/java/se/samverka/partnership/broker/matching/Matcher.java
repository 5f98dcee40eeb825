package se.samverka.partnership.broker.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import se.samverka.partnership.broker.interest.Direction;
import se.samverka.partnership.broker.interest.Purpose;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.platform.security.Caller;
import se.samverka.reference.MunicipalStrategy;
import se.samverka.reference.Sector;

/**
 * The broker's matching: ranks candidates for an interest or a funding call by criteria of configurable weight, each
 * met criterion with its reasons, so that a score is never a black box. Only candidates the caller may read, that are
 * open, and that do not belong to the interest's own organisation are ranked; where the interest names countries or
 * regions, only candidates there (or looking there, or calls open to them); of other interests, only those that
 * complement it (an offer meets a search). A call names where and whom it funds: only candidates there (or looking
 * there) and of a kind it is open to, and of projects only those early enough to apply. Order: score, then name,
 * then id.
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
    /**
     * The purposes a funding call may serve. Calls fund cooperation (partners for an application, exchange,
     * competence), not a company's sales abroad: an interest in export alone meets a call on its other criteria only.
     */
    private static final Set<Purpose> FUNDED = EnumSet.of(Purpose.APPLICATION_PARTNERS, Purpose.EXCHANGE,
            Purpose.COMPETENCE);
    /** The statuses of a project that may still answer a call: it has not applied for its money yet. */
    static final Set<String> EARLY_STAGES = Set.of("IDEA", "PRE_STUDY");
    /**
     * What a candidate must meet where it applies: be where the interest looks (or the call is open), complement an
     * interest, and be of a kind of organisation the call is open to.
     */
    private static final Set<Criterion> REQUIRED = EnumSet.of(Criterion.PLACE, Criterion.COMPLEMENTARY,
            Criterion.ORGANISATION_TYPE);
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
        String own = seeker.organisationId();
        return candidates.stream()
                .filter(Candidate::open)
                .filter(candidate -> candidate.organisationId() == null || !candidate.organisationId().equals(own))
                .filter(candidate -> !candidate.id().equals(seeker.id()))
                .filter(candidate -> !seeker.isCall() || candidate.kind() != CandidateKind.PROJECT
                        || EARLY_STAGES.contains(candidate.stage()))
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
            if (REQUIRED.contains(criterion) && judgement.reasons().isEmpty()) {
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
        if (candidate.funding() != null) {
            reasons.addAll(timing(candidate.funding()));
        }
        if (country == null && !candidate.places().isEmpty()) {
            country = candidate.places().get(0).country();
        }
        int score = (int) Math.round(Math.min(100, 100 * points / applicable));
        return Optional.of(new Match(candidate.kind(), candidate.id(), candidate.name(), candidate.organisationId(),
                candidate.organisationName(), country, score, reasons));
    }

    /**
     * Whether the seeker asks anything of this criterion (an interest that names no place looks anywhere, a call that
     * names no countries is open to all). A partnership has growth areas only through its projects: it is judged by
     * them only where some are known.
     */
    private boolean asks(Seeker seeker, Candidate candidate, Criterion criterion) {
        return switch (criterion) {
            case PLACE -> !seeker.countries().isEmpty() || !seeker.regions().isEmpty();
            case THEMES -> !seeker.themes().isEmpty();
            case GROWTH_AREAS -> !seeker.growthAreas().isEmpty()
                    && (candidate.kind() != CandidateKind.PARTNERSHIP || !candidate.growthAreas().isEmpty());
            case STRATEGIES -> !wantedStrategies(seeker).isEmpty();
            case SECTORS -> !seeker.sectors().isEmpty() || seeker.sector() != null && candidate.looking() != null
                    && !candidate.looking().sectors().isEmpty();
            case PURPOSES -> true;
            case COMPLEMENTARY -> seeker.direction() != null;
            case ORGANISATION_TYPE -> !eligibleTypes(seeker, candidate).isEmpty()
                    && organisationType(seeker, candidate) != null;
        };
    }

    private Judgement judge(Criterion criterion, Seeker seeker, Candidate candidate) {
        return switch (criterion) {
            case PLACE -> candidate.funding() != null ? openTo(seeker, candidate.funding()) : place(seeker, candidate);
            case THEMES -> themes(seeker, candidate);
            case GROWTH_AREAS -> growthAreas(seeker, candidate);
            case STRATEGIES -> strategies(seeker, candidate);
            case SECTORS -> sectors(seeker, candidate);
            case PURPOSES -> purposes(seeker, candidate);
            case COMPLEMENTARY -> complementary(seeker, candidate);
            case ORGANISATION_TYPE -> eligible(seeker, candidate);
        };
    }

    /**
     * A region named matches in full; a country named matches in full unless the interest narrows it to regions,
     * then by half. An interest looking at the same places matches in full (for a call: at a country it is open to).
     */
    private Judgement place(Seeker seeker, Candidate candidate) {
        Set<String> narrowed = seeker.regions().stream().map(region -> region.substring(0, 2))
                .collect(Collectors.toSet());
        double full = weights.place();
        double best = 0;
        String country = null;
        List<MatchReason> reasons = new ArrayList<>();
        for (Candidate.Place place : candidate.places()) {
            Word where;
            double points;
            if (place.region() != null && seeker.regions().contains(place.region())) {
                where = new Word.Region(place.region());
                points = full;
            } else if (seeker.countries().contains(place.country())) {
                where = new Word.Country(place.country());
                points = narrowed.contains(place.country()) ? full / 2 : full;
            } else {
                continue;
            }
            // For a call each party in its countries counts, the municipality too: each is named where it is.
            reasons.add(candidate.twinCity() && !seeker.isCall()
                    ? MatchReason.of("TWIN_CITY", Criterion.PLACE, 0, place.who())
                    : MatchReason.of("IN_PLACE", Criterion.PLACE, 0, place.who(), where));
            if (points > best) {
                best = points;
                country = place.country();
            }
        }
        if (candidate.looking() != null) {
            List<Word> same = new ArrayList<>();
            seeker.regions().stream().filter(candidate.looking().regions()::contains).sorted()
                    .forEach(region -> same.add(new Word.Region(region)));
            seeker.countries().stream().filter(candidate.looking().countries()::contains).sorted()
                    .forEach(code -> same.add(new Word.Country(code)));
            if (!same.isEmpty()) {
                reasons.add(MatchReason.of(seeker.isCall() ? "INTERESTED_IN" : "SAME_PLACE", Criterion.PLACE, 0,
                        new Word.Several(same)));
                best = full;
            }
        }
        return new Judgement(best, withPoints(reasons, best), country);
    }

    /** A call open to any country, or to one where the interest looks (a region's country among them). */
    private Judgement openTo(Seeker seeker, Candidate.Funding funding) {
        if (funding.countries().isEmpty()) {
            return met(Criterion.PLACE, "OPEN_TO_ANY_COUNTRY");
        }
        Set<String> looked = new TreeSet<>(seeker.countries());
        seeker.regions().forEach(region -> looked.add(region.substring(0, 2)));
        List<String> open = looked.stream().filter(funding.countries()::contains).toList();
        if (open.isEmpty()) {
            return Judgement.NOTHING;
        }
        double points = weights.place();
        return new Judgement(points, List.of(MatchReason.of("OPEN_TO_COUNTRIES", Criterion.PLACE, points,
                new Word.Several(open.stream().map(code -> (Word) new Word.Country(code)).toList()))), open.get(0));
    }

    private Judgement themes(Seeker seeker, Candidate candidate) {
        List<Word> shared = seeker.themes().stream().filter(candidate.themes()::contains)
                .map(theme -> (Word) new Word.Term("broker.theme", theme.name())).toList();
        return shared.isEmpty() ? Judgement.NOTHING : met(Criterion.THEMES, "SAME_THEME", new Word.Several(shared));
    }

    private Judgement growthAreas(Seeker seeker, Candidate candidate) {
        List<Word> shared = seeker.growthAreas().stream().filter(candidate.growthAreas()::contains)
                .map(code -> (Word) named(growthAreas.get(code), code)).toList();
        return shared.isEmpty() ? Judgement.NOTHING
                : met(Criterion.GROWTH_AREAS, "SAME_GROWTH_AREA", new Word.Several(shared));
    }

    private Judgement strategies(Seeker seeker, Candidate candidate) {
        List<MatchReason> reasons = wantedStrategies(seeker).stream().filter(candidate.strategies()::contains).sorted()
                .map(code -> MatchReason.of("SERVES_STRATEGY", Criterion.STRATEGIES, 0, strategyName(code)))
                .toList();
        return reasons.isEmpty() ? Judgement.NOTHING
                : new Judgement(weights.strategies(), withPoints(reasons, weights.strategies()), null);
    }

    /** A candidate in a sector the interest wants; an interest that wants the seeker's sector. */
    private Judgement sectors(Seeker seeker, Candidate candidate) {
        List<MatchReason> reasons = new ArrayList<>();
        List<Word> wanted = seeker.sectors().stream().filter(candidate.sectors()::contains)
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

    /**
     * Interests with a purpose in common; organisations of a kind that suits one of the purposes; calls, which suit
     * the purposes they may fund. For a call, interests in what it may fund: in full for one that seeks it, the
     * likelier applicant, by half for one that offers it.
     */
    private Judgement purposes(Seeker seeker, Candidate candidate) {
        if (seeker.isCall()) {
            Candidate.Looking looking = candidate.looking();
            if (looking == null) {
                return Judgement.NOTHING;
            }
            List<Word> funded = purposeWords(looking.purposes().stream().filter(FUNDED::contains).sorted().toList());
            if (funded.isEmpty()) {
                return Judgement.NOTHING;
            }
            boolean seeks = looking.direction() == Direction.SEEKS;
            double points = seeks ? weights.purposes() : weights.purposes() / 2;
            return new Judgement(points, List.of(MatchReason.of(seeks ? "SEEKS_PURPOSE" : "OFFERS_PURPOSE",
                    Criterion.PURPOSES, points, new Word.Several(funded))), null);
        }
        if (candidate.funding() != null) {
            List<Word> funded = purposeWords(seeker.purposes().stream().filter(FUNDED::contains).toList());
            return funded.isEmpty() ? Judgement.NOTHING
                    : met(Criterion.PURPOSES, "CALL_SUITS_PURPOSE", new Word.Several(funded));
        }
        if (candidate.looking() != null) {
            List<Word> shared = seeker.purposes().stream().filter(candidate.looking().purposes()::contains)
                    .map(purpose -> (Word) new Word.Term("broker.purpose", purpose.name())).toList();
            return shared.isEmpty() ? Judgement.NOTHING
                    : met(Criterion.PURPOSES, "SAME_PURPOSE", new Word.Several(shared));
        }
        List<Word> suited = seeker.purposes().stream()
                .filter(purpose -> SUITED.get(purpose).contains(candidate.type()))
                .map(purpose -> (Word) new Word.Term("broker.purpose", purpose.name())).toList();
        return suited.isEmpty() ? Judgement.NOTHING
                : met(Criterion.PURPOSES, "SUITS_PURPOSE", new Word.Term("organisation-type", candidate.type().name()),
                new Word.Several(suited));
    }

    private Judgement complementary(Seeker seeker, Candidate candidate) {
        if (candidate.looking() == null || candidate.looking().direction() != seeker.direction().opposite()) {
            return Judgement.NOTHING;
        }
        return met(Criterion.COMPLEMENTARY, seeker.direction() == Direction.SEEKS ? "OFFERS_WHAT_YOU_SEEK"
                : "SEEKS_WHAT_YOU_OFFER");
    }

    /** An organisation of a kind the call is open to, whichever side the call is on. */
    private Judgement eligible(Seeker seeker, Candidate candidate) {
        OrganisationType type = organisationType(seeker, candidate);
        return eligibleTypes(seeker, candidate).contains(type)
                ? met(Criterion.ORGANISATION_TYPE, "ELIGIBLE_TYPE", new Word.Term("organisation-type", type.name()))
                : Judgement.NOTHING;
    }

    /** The kinds of organisation the call among the two is open to; empty for any, or where neither is a call. */
    private static Collection<OrganisationType> eligibleTypes(Seeker seeker, Candidate candidate) {
        if (seeker.isCall()) {
            return seeker.eligibleTypes();
        }
        return candidate.funding() == null ? Set.of() : candidate.funding().types();
    }

    /** The kind of the organisation that would answer the call; null where the directory does not know it. */
    private static OrganisationType organisationType(Seeker seeker, Candidate candidate) {
        return seeker.isCall() ? candidate.type() : seeker.type();
    }

    /**
     * The strategies the seeker wants served: a call's own; for an interest of a company or of the social economy, the
     * strategies for cooperation with business and the social economy.
     */
    private Collection<String> wantedStrategies(Seeker seeker) {
        if (seeker.isCall()) {
            return seeker.strategies();
        }
        return BUSINESS_AND_SOCIAL_ECONOMY.contains(seeker.sector()) ? businessStrategies : Set.of();
    }

    /** When one may apply to a call: reasons that only inform. */
    private static List<MatchReason> timing(Candidate.Funding funding) {
        List<MatchReason> reasons = new ArrayList<>();
        if (funding.opensIn() > 0) {
            reasons.add(days("CALL_OPENS", funding.opensIn()));
        }
        reasons.add(days("CALL_DEADLINE", funding.daysLeft()));
        return reasons;
    }

    /** A reason that counts days: its code with _TODAY or _TOMORROW, else the code with the count. */
    private static MatchReason days(String code, int days) {
        return switch (days) {
            case 0 -> MatchReason.of(code + "_TODAY", null, 0);
            case 1 -> MatchReason.of(code + "_TOMORROW", null, 0);
            default -> MatchReason.of(code, null, 0, new Word.Count(days));
        };
    }

    private static List<Word> purposeWords(List<Purpose> purposes) {
        return purposes.stream().map(purpose -> (Word) new Word.Term("broker.purpose", purpose.name())).toList();
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
