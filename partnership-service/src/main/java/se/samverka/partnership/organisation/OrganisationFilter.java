package se.samverka.partnership.organisation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.platform.web.LiteralSearch;
import se.samverka.reference.Sector;

/** Which organisations a list shows; every part left out matches all. {@code q} searches the names. */
public record OrganisationFilter(
        OrganisationType type,
        String country,
        Sector sector,
        Boolean active,
        String parentOrganisationId,
        String q) {

    Query toQuery() {
        List<Criteria> criteria = new ArrayList<>();
        if (type != null) {
            criteria.add(Criteria.where("state.type").is(type.name()));
        }
        if (country != null) {
            criteria.add(Criteria.where("state.country").is(country));
        }
        if (sector != null) {
            criteria.add(Criteria.where("state.sector").is(sector.name()));
        }
        if (active != null) {
            criteria.add(Criteria.where("state.active").is(active));
        }
        if (parentOrganisationId != null) {
            criteria.add(Criteria.where("state.parentOrganisationId").is(parentOrganisationId));
        }
        LiteralSearch.containing(q).ifPresent(text -> criteria.add(new Criteria().orOperator(
                Criteria.where("state.name").regex(text), Criteria.where("state.nameEn").regex(text))));
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }
}
