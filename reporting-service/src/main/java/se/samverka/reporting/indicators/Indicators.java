package se.samverka.reporting.indicators;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import se.samverka.platform.web.PageResponse;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.ReportFilter;

/**
 * Targets against the latest reported values, per project and summed per strategy. Sums are only of like with like:
 * per strategy, kind (OUTPUT or RESULT) and unit.
 *
 * @param projects the projects with indicators, by title: a page of them, with how many there are
 */
public record Indicators(ReportFilter filter, PageResponse<ProjectIndicators> projects, List<StrategySum> byStrategy,
                         Freshness freshness) {

    public record ProjectIndicators(String projectId, String title, String status, List<Row> indicators) {
    }

    /** @param progress per cent of the way from baseline to target, by the latest value; null before a report */
    public record Row(String indicatorId, String kind, String name, String unit,
                      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal baseline,
                      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal target,
                      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal latest, LocalDate latestOn,
                      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal progress) {
    }

    /**
     * @param indicators how many indicators of this kind and unit the strategy's projects have
     * @param reported   how many of them have a reported value
     * @param latest     the sum of the latest values of those reported
     */
    public record StrategySum(String strategy, String kind, String unit, long indicators, long reported,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal baseline,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal target,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal latest) {
    }
}
