package se.samverka.reporting.geography;

import java.util.List;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.ReportFilter;

/** Per country (and region where known) the organisations, partnerships and projects: the data behind a world map. */
public record Geography(ReportFilter filter, List<Country> countries, Freshness freshness) {

    /**
     * @param organisations active organisations of the directory there
     * @param partnerships  partnerships with a party there
     * @param projects      projects whose owner or a partner is there
     */
    public record Country(String country, String name, String nameEn, long organisations, long partnerships,
                          long projects, List<Region> regions) {
    }

    /** @param region ISO 3166-2, e.g. MN-049 */
    public record Region(String region, long organisations, long partnerships, long projects) {
    }
}
