package se.samverka.project.portfolio;

import java.time.LocalDate;

/**
 * @param note       why, in the words of who judged it; stays in this service
 * @param assessedOn when it was judged
 */
public record Health(HealthStatus status, String note, LocalDate assessedOn, String assessedBy) {

    /** The judgement without its note and who made it. */
    Health withoutNote() {
        return new Health(status, null, assessedOn, null);
    }
}
