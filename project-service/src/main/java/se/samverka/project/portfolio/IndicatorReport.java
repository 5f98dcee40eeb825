package se.samverka.project.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The actual value of an indicator on a date, as reported. */
public record IndicatorReport(String indicatorId, LocalDate reportedOn, BigDecimal value, String note, String reportedBy) {

    /** The value without its note and who reported it. */
    IndicatorReport withoutNote() {
        return new IndicatorReport(indicatorId, reportedOn, value, null, null);
    }
}
