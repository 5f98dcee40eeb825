package se.samverka.platform.events.project;

import static se.samverka.platform.events.Contracts.requireText;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
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
}
