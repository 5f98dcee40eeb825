package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.util.Objects;

/** An indicator's definition changed; carries all of it. Schema: {@code events/schemas/se.samverka.project.indicatorChanged.json}. */
public record IndicatorChanged(String projectId, Indicator indicator) {

    public IndicatorChanged {
        requireText(projectId, "projectId");
        Objects.requireNonNull(indicator, "indicator is required");
    }
}
