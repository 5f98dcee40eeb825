package se.samverka.partnership.register;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How many days before an agreement's date its notices go out ({@code samverka.partnerships.agreement-lead-times}, 90
 * and 30 by default); the longest is also how far ahead the partnership page shows a date as coming due.
 */
@Component
class AgreementLeadTimes {

    private final List<Integer> days;

    AgreementLeadTimes(@Value("${samverka.partnerships.agreement-lead-times:90,30}") List<Integer> days) {
        // A lead time of 0 would be the notice of the date itself, which goes out anyway.
        this.days = days.stream().filter(lead -> lead > 0).distinct().sorted().toList();
    }

    List<Integer> days() {
        return days;
    }

    int longest() {
        return days.isEmpty() ? 0 : days.get(days.size() - 1);
    }
}
