package se.samverka.subscription.register;

import java.util.Collection;
import java.util.List;
import se.samverka.subscription.project.DisclosedEvent;

/**
 * Which projects a subscription follows, in terms a person understands. Every list that is not empty must meet the
 * project (any of its values will do); empty lists ask nothing. A funding call's events meet {@code programmes} by
 * the call's programme; the other criteria are the projects' and ask nothing of a call.
 *
 * @param countries     ISO 3166-1 alpha-2 codes of the owner's or a partner's country
 * @param strategies    codes of the municipality's strategies the project serves
 * @param growthAreas   codes of the growth areas
 * @param owners        ids of owning organisations
 * @param programmes    codes of funding programmes the project has (visible) funding lines from
 * @param partnerships  ids of partnerships the project belongs to
 */
public record ProjectCriteria(
        List<String> countries,
        List<String> strategies,
        List<String> growthAreas,
        List<String> owners,
        List<String> programmes,
        List<String> partnerships) {

    public static final ProjectCriteria ANY = new ProjectCriteria(null, null, null, null, null, null);

    public ProjectCriteria {
        countries = list(countries);
        strategies = list(strategies);
        growthAreas = list(growthAreas);
        owners = list(owners);
        programmes = list(programmes);
        partnerships = list(partnerships);
    }

    public boolean matches(DisclosedEvent.Facts project) {
        if (project.call()) {
            return meets(programmes, project.programmes());
        }
        return meets(countries, project.countries())
                && meets(strategies, project.strategies())
                && meets(growthAreas, project.growthAreas())
                && meets(owners, List.of(project.ownerOrganisationId()))
                && meets(programmes, project.programmes())
                && meets(partnerships, project.partnershipIds());
    }

    private static boolean meets(List<String> wanted, Collection<String> actual) {
        return wanted.isEmpty() || wanted.stream().anyMatch(actual::contains);
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }
}
