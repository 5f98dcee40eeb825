package se.samverka.partnership.broker.matching;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can match an interest or a call, and the criteria each kind can meet: a kind is judged only by those, so that
 * an organisation (which has no themes) is not marked down for lacking them. A new kind of candidate is a constant
 * here and a factory in {@link Candidates}.
 */
public enum CandidateKind {
    PARTNERSHIP(EnumSet.of(Criterion.PLACE, Criterion.THEMES, Criterion.GROWTH_AREAS, Criterion.STRATEGIES,
            Criterion.SECTORS)),
    ORGANISATION(EnumSet.of(Criterion.PLACE, Criterion.SECTORS, Criterion.PURPOSES)),
    PROJECT(EnumSet.of(Criterion.PLACE, Criterion.THEMES, Criterion.GROWTH_AREAS, Criterion.STRATEGIES,
            Criterion.SECTORS)),
    INTEREST(EnumSet.of(Criterion.PLACE, Criterion.THEMES, Criterion.GROWTH_AREAS, Criterion.SECTORS,
            Criterion.PURPOSES, Criterion.COMPLEMENTARY, Criterion.ORGANISATION_TYPE)),
    CALL(EnumSet.of(Criterion.PLACE, Criterion.THEMES, Criterion.GROWTH_AREAS, Criterion.STRATEGIES,
            Criterion.PURPOSES, Criterion.ORGANISATION_TYPE));

    private final Set<Criterion> criteria;

    CandidateKind(Set<Criterion> criteria) {
        this.criteria = Set.copyOf(criteria);
    }

    public boolean judgedBy(Criterion criterion) {
        return criteria.contains(criterion);
    }
}
