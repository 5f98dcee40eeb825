package se.samverka.partnership.broker.matching;

import java.util.List;
import se.samverka.partnership.broker.interest.Direction;
import se.samverka.partnership.broker.interest.Interest;
import se.samverka.partnership.broker.interest.Purpose;
import se.samverka.partnership.call.Call;
import se.samverka.partnership.organisation.Organisation;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;

/**
 * What matches are sought for, as the {@link Matcher} judges candidates against it: an interest, or a funding call
 * (of the kinds INTEREST and CALL), its lists in the order they were stated. What it does not ask is empty or null.
 *
 * @param organisationId its own organisation, whose candidates are never its matches; null for a call
 * @param sector         the sector of its organisation; null for a call, or where the directory does not know it
 * @param type           the kind of its organisation, for the calls open to some kinds only; null as the sector
 * @param direction      whether an interest offers or seeks; null for a call
 * @param countries      where it looks: an interest's countries, a call's eligible countries (empty: any)
 * @param regions        an interest's regions, which narrow its countries
 * @param strategies     a call's strategies (an interest's follow from its sector: the business strategies)
 * @param sectors        the sectors an interest wants
 * @param eligibleTypes  the kinds of organisation a call is open to; empty for any
 */
public record Seeker(
        CandidateKind kind,
        String id,
        String organisationId,
        Sector sector,
        OrganisationType type,
        Direction direction,
        List<Purpose> purposes,
        List<String> countries,
        List<String> regions,
        List<GlobalTheme> themes,
        List<String> growthAreas,
        List<String> strategies,
        List<Sector> sectors,
        List<OrganisationType> eligibleTypes) {

    public Seeker {
        purposes = List.copyOf(purposes);
        countries = List.copyOf(countries);
        regions = List.copyOf(regions);
        themes = List.copyOf(themes);
        growthAreas = List.copyOf(growthAreas);
        strategies = List.copyOf(strategies);
        sectors = List.copyOf(sectors);
        eligibleTypes = List.copyOf(eligibleTypes);
    }

    /** @param organisation the interest's organisation as the directory has it; null where it does not */
    public static Seeker interest(String id, Interest interest, Organisation organisation) {
        return new Seeker(CandidateKind.INTEREST, id, interest.organisationId(),
                organisation == null ? null : organisation.sector(), organisation == null ? null : organisation.type(),
                interest.direction(), interest.purposes(), interest.countries(), interest.regions(), interest.themes(),
                interest.growthAreas(), List.of(), interest.sectors(), List.of());
    }

    public static Seeker call(String id, Call call) {
        return new Seeker(CandidateKind.CALL, id, null, null, null, null, List.of(), call.eligibleCountries(),
                List.of(), call.themes(), call.growthAreas(), call.strategies(), List.of(),
                call.eligibleOrganisationTypes());
    }

    boolean isCall() {
        return kind == CandidateKind.CALL;
    }
}
