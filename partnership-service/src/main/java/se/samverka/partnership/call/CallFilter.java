package se.samverka.partnership.call;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.platform.security.Caller;

/**
 * Which calls a list shows. Without a status, the calls not withdrawn; a status is matched by the dates it follows
 * from, as of {@code today}. {@code closingWithinDays} keeps the calls whose deadline is today or within so many days.
 */
public record CallFilter(CallStatus status, String programme, Integer closingWithinDays) {

    /** @param caller who asks: only calls of the visibilities it reads are found (a call has no owner) */
    Query toQuery(LocalDate today, Caller caller) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("state.visibility").in(caller.readableVisibilities()));
        if (status == CallStatus.WITHDRAWN) {
            criteria.add(Criteria.where("state.withdrawal").ne(null));
        } else {
            criteria.add(Criteria.where("state.withdrawal").is(null));
        }
        if (status == CallStatus.CLOSED) {
            criteria.add(Criteria.where("state.deadline").lt(today));
        } else if (status == CallStatus.UPCOMING) {
            criteria.add(Criteria.where("state.opensOn").gt(today));
        } else if (status == CallStatus.OPEN) {
            criteria.add(Criteria.where("state.deadline").gte(today));
            criteria.add(new Criteria().orOperator(Criteria.where("state.opensOn").is(null),
                    Criteria.where("state.opensOn").lte(today)));
        }
        if (programme != null) {
            criteria.add(Criteria.where("state.programme").is(programme));
        }
        if (closingWithinDays != null) {
            criteria.add(Criteria.where("state.deadline").gte(today).lte(today.plusDays(closingWithinDays)));
        }
        return new Query(new Criteria().andOperator(criteria));
    }
}
