package se.samverka.partnership.register;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.platform.security.Caller;
import se.samverka.platform.web.LiteralSearch;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Visibility;

/**
 * Which partnerships a list shows; every part left out matches all. {@code country} matches partnerships with a
 * party in that country; {@code q} searches names and description.
 */
public record PartnershipFilter(
        PartnershipType type,
        PartnershipStatus status,
        Visibility visibility,
        String responsibleDepartment,
        String country,
        String party,
        String strategy,
        GlobalTheme theme,
        String q) {

    /**
     * @param organisationsInCountry the ids of the organisations in {@code country}, when it is given
     * @param caller                 who asks: only partnerships it may read are found
     */
    Query toQuery(Collection<String> organisationsInCountry, Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        readableBy(caller).ifPresent(criteria::add);
        equal(criteria, "state.type", type == null ? null : type.name());
        equal(criteria, "state.status", status == null ? null : status.name());
        equal(criteria, "state.visibility", visibility == null ? null : visibility.name());
        equal(criteria, "state.responsibleDepartmentId", responsibleDepartment);
        equal(criteria, "state.parties.organisationId", party);
        equal(criteria, "state.strategies", strategy);
        equal(criteria, "state.themes", theme == null ? null : theme.name());
        if (country != null) {
            criteria.add(Criteria.where("state.parties.organisationId").in(organisationsInCountry));
        }
        LiteralSearch.containing(q).ifPresent(text -> criteria.add(new Criteria().orOperator(
                Criteria.where("state.name").regex(text), Criteria.where("state.nameEn").regex(text),
                Criteria.where("state.description").regex(text))));
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }

    /** The partnerships this caller may read: shared with it, or its own department's; empty where it reads all. */
    static Optional<Criteria> readableBy(Caller caller) {
        if (caller.isMunicipality()) {
            return Optional.empty();
        }
        Criteria shared = Criteria.where("state.visibility").in(caller.readableVisibilities());
        return Optional.of(caller.organisationId() == null ? shared : new Criteria().orOperator(shared,
                Criteria.where("state.responsibleDepartmentId").is(caller.organisationId())));
    }

    private static void equal(List<Criteria> criteria, String field, Object value) {
        if (value != null) {
            criteria.add(Criteria.where(field).is(value));
        }
    }
}
