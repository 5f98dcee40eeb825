package se.samverka.project.portfolio;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;
import se.samverka.platform.messaging.personaldata.StaffMember;

/**
 * The actual value of an indicator on a date, as reported.
 *
 * @param reportedBySubject who reported it, as their tokens' subject: kept to find a person's entries, never shown;
 *                          null for reports older than its keeping
 */
public record IndicatorReport(String indicatorId, LocalDate reportedOn, BigDecimal value, String note,
                              String reportedBy, @JsonIgnore String reportedBySubject) {

    /** The value without its note and who reported it. */
    IndicatorReport withoutNote() {
        return new IndicatorReport(indicatorId, reportedOn, value, null, null, null);
    }

    boolean reportedBy(StaffMember person) {
        return person.named(reportedBySubject, reportedBy);
    }

    /** The report as made by whom {@code replacement} names. */
    IndicatorReport reportedBy(String replacement) {
        return new IndicatorReport(indicatorId, reportedOn, value, note, replacement, replacement);
    }
}
