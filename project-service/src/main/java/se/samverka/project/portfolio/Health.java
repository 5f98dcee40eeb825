package se.samverka.project.portfolio;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import se.samverka.platform.messaging.personaldata.StaffMember;

/**
 * @param note              why, in the words of who judged it; stays in this service
 * @param assessedOn        when it was judged
 * @param assessedBySubject who judged it, as their tokens' subject: kept to find a person's entries, never shown;
 *                          null for judgements older than its keeping
 */
public record Health(HealthStatus status, String note, LocalDate assessedOn, String assessedBy,
                     @JsonIgnore String assessedBySubject) {

    /** The judgement without its note and who made it. */
    Health withoutNote() {
        return new Health(status, null, assessedOn, null, null);
    }

    boolean assessedBy(StaffMember person) {
        return person.named(assessedBySubject, assessedBy);
    }

    /** The judgement as made by whom {@code replacement} names. */
    Health assessedBy(String replacement) {
        return new Health(status, note, assessedOn, replacement, replacement);
    }
}
