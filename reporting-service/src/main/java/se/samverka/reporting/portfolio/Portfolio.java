package se.samverka.reporting.portfolio;

import java.util.List;
import java.util.Map;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.Count;
import se.samverka.reporting.report.ReportFilter;

/**
 * The portfolio at a glance: projects, partnerships and organisations counted by every dimension the strategy
 * follows.
 */
public record Portfolio(ReportFilter filter, Part projects, Part partnerships, Part organisations, Freshness freshness) {

    /**
     * @param total how many there are (a project counted under two strategies is one of the total)
     * @param by    for each dimension, e.g. {@code status}, the counts of its values
     */
    public record Part(long total, Map<String, List<Count>> by) {
    }
}
