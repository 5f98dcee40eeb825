package se.samverka.reporting.priority;

import java.util.List;
import se.samverka.platform.web.PageResponse;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.ReportFilter;

/**
 * Whether the work follows the strategy's priorities: how the open projects' assessment scores spread, and which fall
 * below the threshold.
 *
 * @param assessed     open projects with a score
 * @param average      their mean score; null when there are none
 * @param distribution how many score in each band of twenty points
 * @param below        the open projects scoring under {@code threshold}, lowest first, a score's by title: a page of
 *                     them, with how many there are
 */
public record Priority(ReportFilter filter, double threshold, long assessed, Double average, Double median,
                       List<Band> distribution, PageResponse<Below> below, Freshness freshness) {

    /** Scores from {@code from} up to, not including, {@code to} (the last band includes 100). */
    public record Band(int from, int to, long projects) {
    }

    /** @param unmet the strategy's criteria it does not meet, e.g. CLEAR_RESULTS */
    public record Below(String projectId, String title, String ownerOrganisationId, String owner, String status,
                        double score, List<String> unmet) {
    }
}
