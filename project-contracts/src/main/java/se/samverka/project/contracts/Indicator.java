package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * A measurable objective: what is counted, in which unit, from which baseline towards which target.
 *
 * @param kind OUTPUT (what the project delivers) or RESULT (the change it brings)
 */
public record Indicator(
        String indicatorId,
        String kind,
        String name,
        String unit,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal baseline,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal target) {

    public Indicator {
        requireText(indicatorId, "indicatorId");
        requireText(kind, "kind");
        requireText(name, "name");
        requireText(unit, "unit");
        Objects.requireNonNull(target, "target is required");
    }

    /**
     * How far a value has come from the baseline (0 %, none means zero) towards the target (100 %), to one decimal;
     * null when baseline and target are the same.
     */
    public static BigDecimal progress(BigDecimal baseline, BigDecimal target, BigDecimal value) {
        BigDecimal from = baseline == null ? BigDecimal.ZERO : baseline;
        BigDecimal span = target.subtract(from);
        return span.signum() == 0 ? null
                : value.subtract(from).multiply(BigDecimal.valueOf(100)).divide(span, 1, RoundingMode.HALF_UP);
    }
}
