package se.samverka.partnership.broker.introduction;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.platform.security.Caller;

/**
 * Which introductions a list shows; every part left out matches all.
 *
 * @param organisationId an organisation that is a side of them or proposed them
 */
public record IntroductionFilter(String organisationId, IntroductionStatus status) {

    /** @param caller who asks: only introductions it may read are found */
    Query toQuery(Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        if (!caller.isMunicipality()) {
            criteria.add(concerning(caller.organisationId()));
        }
        if (organisationId != null) {
            criteria.add(concerning(organisationId));
        }
        if (status != null) {
            criteria.add(Criteria.where("state.status").is(status.name()));
        }
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }

    private static Criteria concerning(String organisation) {
        return new Criteria().orOperator(Criteria.where("state.organisationId").is(organisation),
                Criteria.where("state.counterpartOrganisationId").is(organisation),
                Criteria.where("state.proposedByOrganisationId").is(organisation));
    }
}
