package se.samverka.reporting.portfolio;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import se.samverka.reporting.figures.Counts;
import se.samverka.reporting.figures.FigureStore;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Count;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;
import se.samverka.reporting.report.Tally;

/** Counts the portfolio by every dimension. */
@Component
public class PortfolioReport implements Report<Portfolio> {

    private final Names names;
    private final Clock clock;

    PortfolioReport(Names names, Clock clock) {
        this.names = names;
        this.clock = clock;
    }

    /** Counted from the snapshot's entries: for a filter that combines two or more parts, which no figures hold. */
    @Override
    public Portfolio of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        List<ProjectEntry> projects = snapshot.projects().values().stream()
                .filter(project -> filter.includes(project, snapshot)).toList();
        return portfolio(projects(projects, snapshot), snapshot, filter, freshness);
    }

    /**
     * The projects from the figures kept with their entries (ADR 0022), the partnerships and organisations (a few
     * hundred) from theirs; where no figures hold what the filter covers ({@link FigureStore#counts}), from the
     * entries it may include ({@link ReadModelSet#snapshot(ReportFilter)}). Read within {@link ReadModelSet#reading}.
     */
    public Portfolio of(ReadModelSet set, ReportFilter filter, Freshness freshness) {
        Optional<Counts> figures = set.figures().counts(filter);
        if (figures.isEmpty()) {
            return of(set.snapshot(filter), filter, freshness);
        }
        Snapshot snapshot = set.withoutProjects();
        Counts counts = figures.get();
        Map<String, Tally> by = projectDimensions(snapshot);
        by.forEach((dimension, tally) -> counts.of(dimension).forEach(tally::add));
        return portfolio(part(counts.total(), by), snapshot, filter, freshness);
    }

    private Portfolio portfolio(Portfolio.Part projects, Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        List<PartnershipEntry> partnerships = snapshot.partnerships().values().stream()
                .filter(partnership -> filter.includes(partnership, snapshot)).toList();
        Collection<OrganisationEntry> organisations = snapshot.organisations().values();
        return new Portfolio(filter, projects, partnerships(partnerships, snapshot), organisations(organisations),
                names.homeCountry(), freshness);
    }

    /** Every dimension the projects are counted by, in the order the report gives them. */
    private Map<String, Tally> projectDimensions(Snapshot snapshot) {
        Map<String, Tally> by = new LinkedHashMap<>();
        by.put("status", Tally.plain());
        by.put("health", Tally.plain());
        by.put("strategy", Tally.named(names::strategy));
        by.put("action", Tally.plain());
        by.put("growthArea", Tally.named(names::growthArea));
        by.put("owner", Tally.named(snapshot::nameOf));
        by.put("country", Tally.named(Names::country));
        by.put("sector", Tally.plain());
        by.put("programme", Tally.named(names::programme));
        by.put("visibility", Tally.plain());
        by.put("year", Tally.inKeyOrder());
        return by;
    }

    private Portfolio.Part projects(List<ProjectEntry> projects, Snapshot snapshot) {
        Map<String, Tally> by = projectDimensions(snapshot);
        for (ProjectEntry project : projects) {
            by.get("status").add(project.status());
            by.get("health").add(project.health());
            by.get("strategy").addEach(project.description().strategies());
            by.get("action").addEach(project.description().actions());
            by.get("growthArea").addEach(project.description().growthAreas());
            by.get("owner").add(project.description().ownerOrganisationId());
            by.get("country").addEach(snapshot.countriesOf(project.organisationIds()));
            by.get("sector").addEach(snapshot.sectorsOf(project.organisationIds()));
            by.get("programme").addEach(project.funding().stream().map(funding -> funding.line().programme()).toList());
            by.get("visibility").add(project.description().visibility());
            by.get("year").addEach(years(project));
        }
        return part(projects.size(), by);
    }

    private Portfolio.Part partnerships(List<PartnershipEntry> partnerships, Snapshot snapshot) {
        Map<String, Tally> by = new LinkedHashMap<>();
        by.put("status", Tally.plain());
        by.put("type", Tally.plain());
        by.put("strategy", Tally.named(names::strategy));
        by.put("theme", Tally.plain());
        by.put("responsibleDepartment", Tally.named(snapshot::nameOf));
        by.put("country", Tally.named(Names::country));
        by.put("sector", Tally.plain());
        by.put("visibility", Tally.plain());
        for (PartnershipEntry partnership : partnerships) {
            by.get("status").add(partnership.status());
            by.get("type").add(partnership.description().type());
            by.get("strategy").addEach(partnership.description().strategies());
            by.get("theme").addEach(partnership.description().themes());
            by.get("responsibleDepartment").add(partnership.description().responsibleDepartmentId());
            by.get("country").addEach(snapshot.countriesOf(partnership.partyIds()));
            by.get("sector").addEach(snapshot.sectorsOf(partnership.partyIds()));
            by.get("visibility").add(partnership.description().visibility());
        }
        return part(partnerships.size(), by);
    }

    private Portfolio.Part organisations(Collection<OrganisationEntry> organisations) {
        Map<String, Tally> by = new LinkedHashMap<>();
        by.put("type", Tally.plain());
        by.put("sector", Tally.plain());
        by.put("country", Tally.named(Names::country));
        for (OrganisationEntry organisation : organisations) {
            by.get("type").add(organisation.description().type());
            by.get("sector").add(organisation.description().sector());
            by.get("country").add(organisation.description().country());
        }
        return part(organisations.size(), by);
    }

    /** Every year the project runs in; one still open-ended runs until this year. */
    private List<String> years(ProjectEntry project) {
        LocalDate from = project.activeFrom();
        if (from == null) {
            return List.of();
        }
        int until = project.activeUntil() != null ? project.activeUntil().getYear()
                : Math.max(from.getYear(), LocalDate.now(clock).getYear());
        return IntStream.rangeClosed(from.getYear(), until).mapToObj(String::valueOf).toList();
    }

    private static Portfolio.Part part(long total, Map<String, Tally> by) {
        Map<String, List<Count>> counts = new LinkedHashMap<>();
        by.forEach((dimension, tally) -> counts.put(dimension, tally.counts()));
        return new Portfolio.Part(total, counts);
    }
}
