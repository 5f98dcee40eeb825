package se.samverka.subscription.project;

import java.util.List;
import java.util.Optional;

/**
 * What this service knows of a project, from its events: enough to decide who may see its events and whether they
 * match a subscription's project criteria.
 *
 * @param partnerOrganisationIds the organisations that are partners, besides the owner
 */
public record ProjectView(
        String projectId,
        String title,
        String visibility,
        String ownerOrganisationId,
        String status,
        List<String> partnershipIds,
        List<String> strategies,
        List<String> growthAreas,
        List<String> partnerOrganisationIds,
        List<KnownFundingLine> fundingLines) {

    public ProjectView {
        partnershipIds = list(partnershipIds);
        strategies = list(strategies);
        growthAreas = list(growthAreas);
        partnerOrganisationIds = list(partnerOrganisationIds);
        fundingLines = list(fundingLines);
    }

    /** A funding line's programme and whether it is for the municipality's eyes only. */
    public record KnownFundingLine(String fundingLineId, String programme, boolean internal) {
    }

    public Optional<KnownFundingLine> fundingLine(String fundingLineId) {
        return fundingLines.stream().filter(line -> line.fundingLineId().equals(fundingLineId)).findFirst();
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
