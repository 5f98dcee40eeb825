package se.samverka.reporting.annual;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.Participation;
import se.samverka.reporting.broker.BrokerReport;
import se.samverka.reporting.coverage.Coverage;
import se.samverka.reporting.coverage.CoverageReport;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.funding.Funding;
import se.samverka.reporting.funding.FundingReport;
import se.samverka.reporting.partnerships.PartnershipsReport;
import se.samverka.reporting.portfolio.PortfolioReport;
import se.samverka.reporting.priority.Priority;
import se.samverka.reporting.priority.PriorityReport;
import se.samverka.reporting.readmodel.BrokerEntries;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.ReportFilter;

/** Puts the year's annual report together from the other reports. */
@Component
public class AnnualReports {

    private final Names names;
    private final PortfolioReport portfolio;
    private final FundingReport funding;
    private final CoverageReport coverage;
    private final PartnershipsReport partnerships;
    private final PriorityReport priority;
    private final BrokerReport broker;

    AnnualReports(Names names, PortfolioReport portfolio, FundingReport funding, CoverageReport coverage,
                  PartnershipsReport partnerships, PriorityReport priority, BrokerReport broker) {
        this.names = names;
        this.portfolio = portfolio;
        this.funding = funding;
        this.coverage = coverage;
        this.partnerships = partnerships;
        this.priority = priority;
        this.broker = broker;
    }

    public AnnualReport of(Snapshot snapshot, BrokerEntries brokered, int year, ReportFilter filter,
                           Freshness freshness) {
        ReportFilter ofYear = filter.withYear(year);
        List<Map.Entry<String, ProjectEntry>> projects = snapshot.projects().entrySet().stream()
                .filter(project -> ofYear.includes(project.getValue(), snapshot))
                .collect(Names.byName(project -> project.getValue().description().title()));
        Funding money = funding.of(snapshot, ofYear, freshness);
        Coverage departments = coverage.of(snapshot, ofYear, freshness);
        Priority priorities = priority.of(snapshot, ofYear, freshness);
        return new AnnualReport(year, names.municipality(), ofYear,
                keyFigures(snapshot, year, ofYear, projects, money, departments, priorities),
                portfolio.of(snapshot, ofYear, freshness), projects.stream().map(project -> row(project, snapshot)).toList(),
                money, departments, partnerships.twinCities(snapshot, ofYear, freshness), priorities,
                broker.of(snapshot, brokered, year, freshness), freshness);
    }

    private static AnnualReport.KeyFigures keyFigures(Snapshot snapshot, int year, ReportFilter filter,
                                                      List<Map.Entry<String, ProjectEntry>> projects, Funding money,
                                                      Coverage departments, Priority priorities) {
        List<ProjectEntry> entries = projects.stream().map(Map.Entry::getValue).toList();
        List<String> activePartnerships = snapshot.partnerships().entrySet().stream()
                .filter(partnership -> "ACTIVE".equals(partnership.getValue().status()))
                .filter(partnership -> filter.includes(partnership.getValue(), snapshot))
                .map(Map.Entry::getKey).toList();
        List<String> organisations = entries.stream().flatMap(project -> project.organisationIds().stream())
                .distinct().toList();
        long countries = Stream.concat(organisations.stream(), activePartnerships.stream()
                        .flatMap(id -> snapshot.partnerships().get(id).partyIds().stream()))
                .map(snapshot::organisation).flatMap(Optional::stream)
                .map(organisation -> organisation.description().country()).filter(Objects::nonNull).distinct().count();
        List<Activity> activities = entries.stream().flatMap(project -> project.activities().stream())
                .filter(activity -> activity.heldOn().getYear() == year).toList();
        return new AnnualReport.KeyFigures(
                entries.size(),
                entries.stream().filter(project -> project.activeFrom().getYear() == year).count(),
                entries.stream().filter(project -> project.activeUntil() != null
                        && project.activeUntil().getYear() == year && !project.isOpen()).count(),
                entries.stream().filter(project -> "ONGOING".equals(project.status())).count(),
                activePartnerships.size(),
                countries,
                organisations.size(),
                activities.size(),
                activities.stream().flatMap(activity -> activity.participants().stream())
                        .mapToLong(Participation::count).sum(),
                departments.without().size(),
                money.total().sek().granted(),
                money.total().sek().paid(),
                priorities.average());
    }

    private AnnualReport.ProjectRow row(Map.Entry<String, ProjectEntry> entry, Snapshot snapshot) {
        ProjectEntry project = entry.getValue();
        Funding.Sums sek = funding.total(project.funding()).sek();
        return new AnnualReport.ProjectRow(entry.getKey(), project.description().acronym(),
                project.description().title(), project.description().registrationNumber(),
                snapshot.nameOf(project.description().ownerOrganisationId()), project.status(), project.health(),
                project.description().strategies(), project.description().growthAreas(),
                snapshot.countriesOf(project.organisationIds()),
                project.funding().stream().map(line -> line.line().programme()).distinct().toList(),
                sek.applied(), sek.granted(), sek.paid(), project.score(), project.activeFrom(), project.activeUntil());
    }
}
