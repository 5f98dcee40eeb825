package se.samverka.reporting.annual;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import se.samverka.reporting.broker.Broker;
import se.samverka.reporting.coverage.Coverage;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.funding.Funding;
import se.samverka.reporting.partnerships.Partnerships;
import se.samverka.reporting.portfolio.Portfolio;
import se.samverka.reporting.priority.Priority;
import se.samverka.reporting.report.ReportFilter;

/**
 * The year's international work as the coordinator hands it to the municipal council: the key figures, the portfolio
 * counted, the projects that ran, the money, the departments' coverage, the twin cities, the priorities and the
 * international broker's results (S3). Every part is the report of the same name for that year (with the same other
 * filters; the broker's, which has none but the year, for the whole municipality).
 *
 * @param municipality whose report it is, from the strategy
 * @param projects     the projects that ran some time in the year, by title
 */
public record AnnualReport(
        int year,
        String municipality,
        ReportFilter filter,
        KeyFigures keyFigures,
        Portfolio portfolio,
        List<ProjectRow> projects,
        Funding funding,
        Coverage coverage,
        Partnerships twinCities,
        Priority priority,
        Broker broker,
        Freshness freshness) {

    /**
     * @param projectsRunning     projects that ran some time in the year
     * @param projectsStarted     of those, the ones that started in the year
     * @param projectsEnded       of those, the ones that ended in the year
     * @param projectsOngoing     of those, the ones ONGOING now
     * @param activePartnerships  partnerships ACTIVE now
     * @param countries           countries the year's projects and active partnerships reach, Sweden included
     * @param organisations       organisations taking part in the year's projects, owners included
     * @param activities          activities held in the year
     * @param participants        people who took part in them
     * @param departmentsWithout  departments and municipal companies with no international dimension
     * @param grantedSek          granted in the year, in SEK (funding lines counted in the year)
     * @param paidSek             paid on the year's funding lines, in SEK
     * @param averageScore        the mean assessment score of the open projects of the year; null without any
     */
    public record KeyFigures(
            long projectsRunning,
            long projectsStarted,
            long projectsEnded,
            long projectsOngoing,
            long activePartnerships,
            long countries,
            long organisations,
            long activities,
            long participants,
            long departmentsWithout,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grantedSek,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidSek,
            Double averageScore) {
    }

    /**
     * One project of the year, as the tables list it.
     *
     * @param registrationNumber the diarienummer
     * @param countries          ISO 3166-1 codes of its organisations' countries
     * @param programmes         codes of the programmes it has funding lines in
     * @param appliedSek         all its funding lines together, in SEK
     */
    public record ProjectRow(
            String projectId,
            String acronym,
            String title,
            String registrationNumber,
            String owner,
            String status,
            String health,
            List<String> strategies,
            List<String> growthAreas,
            List<String> countries,
            List<String> programmes,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal appliedSek,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal grantedSek,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paidSek,
            Double score,
            LocalDate from,
            LocalDate until) {
    }
}
