package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.util.Objects;

/**
 * A funding line changed (granted, paid, ...); carries all of it. Schema:
 * {@code events/schemas/se.samverka.project.fundingLineChanged.json}.
 */
public record FundingLineChanged(String projectId, FundingLine fundingLine) {

    public FundingLineChanged {
        requireText(projectId, "projectId");
        Objects.requireNonNull(fundingLine, "fundingLine is required");
    }
}
