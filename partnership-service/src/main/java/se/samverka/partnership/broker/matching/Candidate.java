package se.samverka.partnership.broker.matching;

import java.util.List;
import java.util.Set;
import se.samverka.partnership.broker.interest.Direction;
import se.samverka.partnership.broker.interest.Purpose;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;

/**
 * Something that may match an interest, with what the matcher judges it by ({@link Candidates} makes them). What a
 * kind does not have is empty.
 *
 * @param organisationId      the organisation that answers for it: never the interest's own
 * @param visibility          with {@code ownerOrganisationId}, who may read it (the platform's Caller rules)
 * @param open                whether it may be matched at all: not ended, closed or withdrawn
 * @param places              the organisations it consists of, and where they are
 * @param sectors             the sectors of those organisations
 * @param twinCity            a partnership of the kind TWIN_CITY
 * @param type                the kind of organisation, for an organisation
 * @param looking             what an interest looks for; null for other kinds
 */
public record Candidate(
        CandidateKind kind,
        String id,
        Word.Name name,
        String organisationId,
        Word.Name organisationName,
        String visibility,
        String ownerOrganisationId,
        boolean open,
        List<Place> places,
        Set<GlobalTheme> themes,
        Set<String> growthAreas,
        Set<String> strategies,
        Set<Sector> sectors,
        boolean twinCity,
        OrganisationType type,
        Looking looking) {

    public Candidate {
        places = List.copyOf(places);
        themes = Set.copyOf(themes);
        growthAreas = Set.copyOf(growthAreas);
        strategies = Set.copyOf(strategies);
        sectors = Set.copyOf(sectors);
    }

    /** An organisation of the candidate, where it is. */
    public record Place(Word.Name who, String country, String region) {
    }

    /**
     * What an interest looks for.
     *
     * @param forProject whether it is for a project (e.g. partners sought for an application)
     */
    public record Looking(Direction direction, Set<Purpose> purposes, Set<String> countries, Set<String> regions,
                          Set<Sector> sectors, boolean forProject) {

        public Looking {
            purposes = Set.copyOf(purposes);
            countries = Set.copyOf(countries);
            regions = Set.copyOf(regions);
            sectors = Set.copyOf(sectors);
        }
    }
}
