package se.samverka.project.portfolio;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.samverka.platform.events.Money;
import se.samverka.project.assessment.Assessment;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.FundingLine;

/**
 * A project as the API shows it: its description, and what derives from it and from the directory (names,
 * countries, sectors, the calls its funding answers, funding totals, indicator progress, participants).
 *
 * @param countries          of the owner and the partners
 * @param sectors            of the owner and the partners
 * @param fundingTotals      per currency: applied, granted, paid, own contribution
 * @param allowedTransitions where it may go from its status
 */
public record ProjectResource(
        String id,
        long version,
        @JsonUnwrapped ProjectDescription description,
        ProjectStatus status,
        Instant statusSince,
        List<ProjectStatus> allowedTransitions,
        List<StatusChange> history,
        Health health,
        OrganisationView owner,
        List<PartnerView> partners,
        List<String> countries,
        List<String> sectors,
        List<PartnershipView> partnerships,
        List<FundingLineView> fundingLines,
        List<FundingTotal> fundingTotals,
        List<IndicatorView> indicators,
        List<Activity> activities,
        Participants participants,
        FinalReport finalReport,
        Assessment assessment) {

    public record OrganisationView(String id, String name, String type, String country) {
    }

    public record PartnerView(String organisationId, PartnerRole role, String name, String country, String sector) {
    }

    public record PartnershipView(String id, String name, String status) {
    }

    /**
     * A funding line with the name of the call it answers, as the directory knows it.
     *
     * @param callName null when it names no call, or one the directory has not learnt of
     */
    public record FundingLineView(@JsonUnwrapped FundingLine line, String callName) {
    }

    public record FundingTotal(String currency, Money applied, Money granted, Money paid, Money ownContribution) {
    }

    /**
     * @param latest   the most recent reported value
     * @param progress how far from baseline (0) to target (100), in per cent, by the latest value
     */
    public record IndicatorView(
            String indicatorId,
            String kind,
            String name,
            String unit,
            BigDecimal baseline,
            BigDecimal target,
            List<IndicatorReport> reports,
            BigDecimal latest,
            LocalDate latestOn,
            BigDecimal progress) {
    }

    /** Everyone counted at the project's activities, in all and by sector and gender. */
    public record Participants(int total, Map<String, Integer> bySector, Map<String, Integer> byGender) {
    }
}
