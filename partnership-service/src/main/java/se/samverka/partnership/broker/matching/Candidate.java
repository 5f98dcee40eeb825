package se.samverka.partnership.broker.matching;

import java.util.List;
import java.util.Set;
import se.samverka.partnership.broker.interest.Direction;
import se.samverka.partnership.broker.interest.Purpose;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;

/**
 * Something that may match an interest or a call, with what the matcher judges it by ({@link Candidates} makes them).
 * What a kind does not have is empty or null.
 *
 * @param organisationId      the organisation that answers for it: never the interest's own; null for a call
 * @param visibility          with {@code ownerOrganisationId}, who may read it (the platform's Caller rules)
 * @param open                whether it may be matched at all: not ended, closed or withdrawn
 * @param places              the organisations it consists of, and where they are
 * @param sectors             the sectors of those organisations
 * @param twinCity            a partnership of the kind TWIN_CITY
 * @param organisationName    for a call, the name of its programme
 * @param growthAreas         for a partnership, those of its projects
 * @param type                the kind of organisation, for an organisation and an interest's organisation
 * @param looking             what an interest looks for; null for other kinds
 * @param stage               the status of a project, e.g. IDEA; null for other kinds
 * @param funding             whom a call funds and when; null for other kinds
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
        Looking looking,
        String stage,
        Funding funding) {

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

    /**
     * Whom a call funds, and when.
     *
     * @param countries the eligible countries; empty for any
     * @param types     the eligible kinds of organisation; empty for any
     * @param opensIn   days until it opens; 0 once it is open
     * @param daysLeft  days until its deadline, 0 on the day itself
     */
    public record Funding(Set<String> countries, Set<OrganisationType> types, int opensIn, int daysLeft) {

        public Funding {
            countries = Set.copyOf(countries);
            types = Set.copyOf(types);
        }
    }
}
