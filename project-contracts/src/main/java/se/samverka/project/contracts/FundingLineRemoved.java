package se.samverka.project.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/** A funding line was removed. Schema: {@code events/schemas/se.samverka.project.fundingLineRemoved.json}. */
public record FundingLineRemoved(String projectId, String fundingLineId) {

    public FundingLineRemoved {
        requireText(projectId, "projectId");
        requireText(fundingLineId, "fundingLineId");
    }
}
