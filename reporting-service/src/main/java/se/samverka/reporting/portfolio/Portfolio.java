package se.samverka.reporting.portfolio;

import java.util.List;
import java.util.Map;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.Count;
import se.samverka.reporting.report.ReportFilter;

/**
 * The portfolio at a glance: projects, partnerships and organisations counted by every dimension the strategy
 * follows.
 *
 * @param homeCountry the municipality's own country (ISO 3166-1 alpha-2), from its strategy's county; null where the
 *                    strategy names none. It is counted under {@code country} like any other (so that each count there
 *                    is what the {@code country} filter finds), and named here so that a reader of the international
 *                    reach, such as the dashboard's world map, can set the home country apart
 */
public record Portfolio(ReportFilter filter, Part projects, Part partnerships, Part organisations, String homeCountry,
                        Freshness freshness) {

    /**
     * @param total how many there are (a project counted under two strategies is one of the total)
     * @param by    for each dimension, e.g. {@code status}, the counts of its values
     */
    public record Part(long total, Map<String, List<Count>> by) {
    }
}
