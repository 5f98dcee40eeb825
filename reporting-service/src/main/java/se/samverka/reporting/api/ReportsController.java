package se.samverka.reporting.api;

import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.NotFoundException;
import se.samverka.platform.web.Paging;
import se.samverka.platform.web.Years;
import se.samverka.project.contracts.Participation;
import se.samverka.reporting.broker.Broker;
import se.samverka.reporting.broker.BrokerReport;
import se.samverka.reporting.coverage.Coverage;
import se.samverka.reporting.coverage.CoverageReport;
import se.samverka.reporting.coverage.DepartmentProjects;
import se.samverka.reporting.feed.ActivityFeed;
import se.samverka.reporting.feed.ActivityFeedReport;
import se.samverka.reporting.funding.Funding;
import se.samverka.reporting.funding.FundingReport;
import se.samverka.reporting.geography.Geography;
import se.samverka.reporting.geography.GeographyReport;
import se.samverka.reporting.indicators.Indicators;
import se.samverka.reporting.indicators.IndicatorsReport;
import se.samverka.reporting.partnerships.Partnerships;
import se.samverka.reporting.partnerships.PartnershipsReport;
import se.samverka.reporting.portfolio.Portfolio;
import se.samverka.reporting.portfolio.PortfolioReport;
import se.samverka.reporting.priority.Priority;
import se.samverka.reporting.priority.PriorityReport;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;
import se.samverka.reporting.report.ReportSource;

/**
 * The reports, each computed from the read models when asked and saying how fresh it is. Every report takes the
 * filters {@code year}, {@code department}, {@code strategy} and {@code country} (see {@link ReportFilter}).
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

    private static final int MAX_FEED_LINES = 200;

    private final ReportSource source;
    private final PortfolioReport portfolio;
    private final CoverageReport coverage;
    private final PartnershipsReport partnerships;
    private final FundingReport funding;
    private final GeographyReport geography;
    private final PriorityReport priority;
    private final IndicatorsReport indicators;
    private final ActivityFeedReport feed;
    private final BrokerReport broker;

    ReportsController(ReportSource source, PortfolioReport portfolio, CoverageReport coverage,
                      PartnershipsReport partnerships, FundingReport funding, GeographyReport geography,
                      PriorityReport priority, IndicatorsReport indicators, ActivityFeedReport feed,
                      BrokerReport broker) {
        this.source = source;
        this.portfolio = portfolio;
        this.coverage = coverage;
        this.partnerships = partnerships;
        this.funding = funding;
        this.geography = geography;
        this.priority = priority;
        this.indicators = indicators;
        this.feed = feed;
        this.broker = broker;
    }

    /** Projects, partnerships and organisations counted by status, health, strategy, country and more. */
    @GetMapping("/portfolio")
    Portfolio portfolio(ReportFilter filter) {
        return source.computedReading(List.of("portfolio", filter), (set, freshness) ->
                portfolio.of(set, filter, freshness));
    }

    /**
     * Every department and municipal company with its open projects counted and its partnerships, and those with
     * none: read from the figures at any size of the portfolio. With {@code projects=listed} each department's open
     * projects are listed too, read from every entry: an export's size, for whoever needs them all at once; the
     * projects of one department come a page at a time from {@link #departmentProjects}.
     */
    @GetMapping("/coverage")
    Coverage coverage(ReportFilter filter, @RequestParam(defaultValue = "counted") String projects) {
        return switch (projects) {
            case "listed" -> computed("coverage", coverage, filter);
            case "counted" -> source.computedReading(List.of("coverage-counted", filter), (set, freshness) ->
                    coverage.counted(set, filter, freshness));
            default -> throw new InvalidRequestException("projects", "reason.coverage-projects");
        };
    }

    /**
     * The open projects one department or municipal company owns or takes part in, by title, in what the filter's
     * year, strategy and country cover: a page of them, as priority's; 404 for an organisation coverage does not show.
     */
    @GetMapping("/coverage/{organisationId}/projects")
    DepartmentProjects departmentProjects(@PathVariable String organisationId, ReportFilter filter,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size) {
        Paging paging = paging(page, size);
        return source.computedReading(List.of("coverage-projects", organisationId, filter, paging), (set, freshness) ->
                coverage.projects(set, organisationId, filter, paging, freshness));
    }

    @GetMapping("/partnerships")
    Partnerships partnerships(ReportFilter filter) {
        return source.computedReading(List.of("partnerships", filter), (set, freshness) ->
                partnerships.of(set, filter, freshness));
    }

    /** The twin cities side by side. */
    @GetMapping("/partnerships/twin-cities")
    Partnerships twinCities(ReportFilter filter) {
        return source.computedReading(List.of("twin-cities", filter), (set, freshness) ->
                partnerships.twinCities(set, filter, freshness));
    }

    /** Applied, granted and paid per programme and year, in SEK and in the original currencies. */
    @GetMapping("/funding")
    Funding funding(ReportFilter filter) {
        return source.computedReading(List.of("funding", filter), (set, freshness) ->
                funding.of(set, filter, freshness));
    }

    /** Per country and region: organisations, partnerships, projects. */
    @GetMapping("/geography")
    Geography geography(ReportFilter filter) {
        return source.computedReading(List.of("geography", filter), (set, freshness) ->
                geography.of(set, filter, freshness));
    }

    /**
     * The spread of the assessment scores, and the projects below {@code threshold} (configured by default), lowest
     * first: a page of them ({@code page} from 0, {@code size} up to 200, 20 by default).
     */
    @GetMapping("/priority")
    Priority priority(ReportFilter filter, @RequestParam(required = false) Double threshold,
                      @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (threshold != null && (threshold < 0 || threshold > 100)) {
            throw new InvalidRequestException("threshold", "reason.threshold");
        }
        Paging paging = paging(page, size);
        double applied = threshold == null ? priority.defaultThreshold() : threshold;
        return source.computedReading(List.of("priority", filter, applied, paging), (set, freshness) ->
                priority.of(set, filter, applied, paging, freshness));
    }

    /** Every strategy's indicators summed, and the projects with indicators by title: a page of them, as priority's. */
    @GetMapping("/indicators")
    Indicators indicators(ReportFilter filter, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        Paging paging = paging(page, size);
        return source.computedReading(List.of("indicators", filter, paging), (set, freshness) ->
                indicators.of(set, filter, paging, freshness));
    }

    /**
     * The international broker's results (S3): introductions and what became of them, per sector and partnership;
     * interests stated and open; calls published per programme. Of {@code year}, or of all years without it.
     */
    @GetMapping("/broker")
    Broker broker(@RequestParam(required = false) Integer year) {
        Years.problem("year", year).ifPresent(problem -> {
            throw new InvalidRequestException(List.of(problem));
        });
        return source.computedReading(List.of("broker", year == null ? "every year" : year), (set, freshness) ->
                broker.of(set.withoutProjects(), set.broker(), year, freshness));
    }

    private static Paging paging(Integer page, Integer size) {
        return Paging.of(page, size, null, Map.of(), Sort.unsorted());
    }

    /** The latest events as readable lines, newest first: {@code limit} of them (50 unless said, at most 200). */
    @GetMapping("/activity")
    ActivityFeed activity(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > MAX_FEED_LINES) {
            throw new InvalidRequestException("limit", "reason.limit", MAX_FEED_LINES);
        }
        return source.read((models, freshness) -> feed.of(models, freshness, limit));
    }

    /** One project's figures; 404 when the reports have not heard of it (yet). */
    @GetMapping("/projects/{id}")
    ProjectFigures project(@PathVariable String id) {
        return source.read((models, freshness) -> {
            ProjectEntry project = models.projects().find(id)
                    .orElseThrow(() -> new NotFoundException("not-found.project", id));
            return new ProjectFigures(id, project.status(), project.health(), project.score(),
                    funding.total(project.funding()), project.activities().size(),
                    project.activities().stream().flatMap(activity -> activity.participants().stream())
                            .mapToInt(Participation::count).sum(),
                    project.lastChangedAt(), freshness);
        });
    }

    /** @param name the report's, for the one computed last to be given again while nothing changed */
    private <T> T computed(String name, Report<T> report, ReportFilter filter) {
        return source.computed(List.of(name, filter),
                counting -> report.of(counting.snapshot(), filter, counting.freshness()));
    }
}
