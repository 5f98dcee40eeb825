package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

import java.util.Objects;

/** A funding line was added. Schema: {@code events/schemas/se.samverka.project.fundingLineAdded.json}. */
public record FundingLineAdded(String projectId, FundingLine fundingLine) {

    public FundingLineAdded {
        requireText(projectId, "projectId");
        Objects.requireNonNull(fundingLine, "fundingLine is required");
    }
}
