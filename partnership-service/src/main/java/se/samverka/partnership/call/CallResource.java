package se.samverka.partnership.call;

import java.time.LocalDate;
import java.util.List;
import se.samverka.partnership.organisation.OrganisationType;
import se.samverka.platform.events.Money;
import se.samverka.platform.messaging.outbox.Versioned;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * A funding call as the API shows it, with its status and the days left as of today.
 *
 * @param daysLeft   until the deadline, 0 on the day itself; null once it is closed or withdrawn
 * @param withdrawal why it was withdrawn, for the municipality's eyes only
 */
public record CallResource(
        String id,
        long version,
        String programme,
        String name,
        String nameEn,
        String summary,
        LocalDate opensOn,
        LocalDate deadline,
        Money budget,
        List<GlobalTheme> themes,
        List<String> growthAreas,
        List<String> strategies,
        List<String> eligibleCountries,
        List<OrganisationType> eligibleOrganisationTypes,
        String url,
        Visibility visibility,
        CallStatus status,
        Integer daysLeft,
        Withdrawal withdrawal) {

    static CallResource of(Versioned<Call> versioned, LocalDate today, boolean internals) {
        Call c = versioned.state();
        return new CallResource(versioned.id(), versioned.version(), c.programme(), c.name(), c.nameEn(), c.summary(),
                c.opensOn(), c.deadline(), c.budget(), c.themes(), c.growthAreas(), c.strategies(),
                c.eligibleCountries(), c.eligibleOrganisationTypes(), c.url(), c.visibility(), c.status(today),
                c.daysLeft(today), internals ? c.withdrawal() : null);
    }
}
