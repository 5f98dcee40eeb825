package se.samverka.partnership.broker.interest;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.platform.security.Caller;

/** Which interests a list shows; every part left out matches all. */
public record InterestFilter(String organisationId, Direction direction, Standing status) {

    /** Whether an interest stands: OPEN, or CLOSED (withdrawn or expired). */
    public enum Standing {
        OPEN,
        CLOSED
    }

    /** @param caller who asks: only interests it may read are found */
    Query toQuery(Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        if (!caller.isMunicipality()) {
            Criteria shared = Criteria.where("state.visibility").in(caller.readableVisibilities());
            criteria.add(caller.organisationId() == null ? shared : new Criteria().orOperator(shared,
                    Criteria.where("state.organisationId").is(caller.organisationId())));
        }
        if (organisationId != null) {
            criteria.add(Criteria.where("state.organisationId").is(organisationId));
        }
        if (direction != null) {
            criteria.add(Criteria.where("state.direction").is(direction.name()));
        }
        if (status == Standing.OPEN) {
            criteria.add(Criteria.where("state.status").is(InterestStatus.OPEN.name()));
        } else if (status == Standing.CLOSED) {
            criteria.add(Criteria.where("state.status").ne(InterestStatus.OPEN.name()));
        }
        return criteria.isEmpty() ? new Query() : new Query(new Criteria().andOperator(criteria));
    }
}
