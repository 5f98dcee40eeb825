package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The actual value of an indicator on a date. Schema: {@code events/schemas/se.samverka.project.indicatorReported.json}.
 */
public record IndicatorReported(
        String projectId,
        String indicatorId,
        LocalDate reportedOn,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal value) {

    public IndicatorReported {
        requireText(projectId, "projectId");
        requireText(indicatorId, "indicatorId");
        Objects.requireNonNull(reportedOn, "reportedOn is required");
        Objects.requireNonNull(value, "value is required");
    }
}
