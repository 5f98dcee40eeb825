package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.util.Objects;

/** An indicator was defined. Schema: {@code events/schemas/se.samverka.project.indicatorDefined.json}. */
public record IndicatorDefined(String projectId, Indicator indicator) {

    public IndicatorDefined {
        requireText(projectId, "projectId");
        Objects.requireNonNull(indicator, "indicator is required");
    }
}
