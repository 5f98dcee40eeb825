package se.samverka.reporting.partnerships;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import se.samverka.partnership.contracts.OrganisationDescription;
import se.samverka.partnership.contracts.PartnershipDescription;
import se.samverka.project.contracts.Activity;
import se.samverka.project.contracts.Participation;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.PartnershipEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.ProjectRef;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;

/** Every partnership, or only the twin cities side by side. */
@Component
public class PartnershipsReport implements Report<Partnerships> {

    @Override
    public Partnerships of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        return of(snapshot, filter, freshness, partnership -> true);
    }

    /** The twin cities only, side by side. */
    public Partnerships twinCities(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        return of(snapshot, filter, freshness, PartnershipsReport::isTwinCity);
    }

    /**
     * As {@link #of(Snapshot, ReportFilter, Freshness)}, reading of the projects only those linked to the partnerships
     * it shows (by an index), at any size of the portfolio. Read within {@link ReadModelSet#reading}.
     */
    public Partnerships of(ReadModelSet set, ReportFilter filter, Freshness freshness) {
        return of(set, filter, freshness, partnership -> true);
    }

    /** As {@link #twinCities(Snapshot, ReportFilter, Freshness)}, reading only their projects. */
    public Partnerships twinCities(ReadModelSet set, ReportFilter filter, Freshness freshness) {
        return of(set, filter, freshness, PartnershipsReport::isTwinCity);
    }

    private static Partnerships of(ReadModelSet set, ReportFilter filter, Freshness freshness,
                                   Predicate<PartnershipEntry> which) {
        Snapshot directory = set.withoutProjects();
        List<String> shown = directory.partnerships().entrySet().stream()
                .filter(partnership -> which.test(partnership.getValue())
                        && filter.includes(partnership.getValue(), directory))
                .map(Map.Entry::getKey).toList();
        return of(set.linkedTo(shown), filter, freshness, which);
    }

    private static boolean isTwinCity(PartnershipEntry partnership) {
        return "TWIN_CITY".equals(partnership.description().type());
    }

    private static Partnerships of(Snapshot snapshot, ReportFilter filter, Freshness freshness,
                                   Predicate<PartnershipEntry> which) {
        List<Partnerships.Row> rows = snapshot.partnerships().entrySet().stream()
                .filter(partnership -> which.test(partnership.getValue()))
                .filter(partnership -> filter.includes(partnership.getValue(), snapshot))
                .map(partnership -> row(partnership, snapshot, filter))
                .collect(Names.byName(Partnerships.Row::name));
        return new Partnerships(filter, rows, freshness);
    }

    private static Partnerships.Row row(Map.Entry<String, PartnershipEntry> entry, Snapshot snapshot,
                                        ReportFilter filter) {
        PartnershipEntry partnership = entry.getValue();
        List<Map.Entry<String, ProjectEntry>> projects = snapshot.projects().entrySet().stream()
                .filter(project -> project.getValue().description().partnershipIds().contains(entry.getKey()))
                .filter(project -> filter.year() == null || project.getValue().runsIn(filter.year()))
                .collect(Names.byName(project -> project.getValue().description().title()));
        List<Activity> activities = projects.stream()
                .flatMap(project -> project.getValue().activities().stream())
                .filter(activity -> filter.year() == null || activity.heldOn().getYear() == filter.year())
                .toList();
        Instant lastActivity = Stream.concat(Stream.of(partnership.lastChangedAt()),
                        projects.stream().map(project -> project.getValue().lastChangedAt()))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        List<Partnerships.PartyRow> parties = partnership.parties().stream().map(party -> {
            OrganisationDescription organisation = snapshot.organisation(party.organisationId())
                    .map(OrganisationEntry::description).orElse(null);
            return new Partnerships.PartyRow(party.organisationId(), snapshot.nameOf(party.organisationId()),
                    organisation == null ? null : organisation.nameEn(),
                    organisation == null ? null : organisation.type(),
                    organisation == null ? null : organisation.country(), party.role());
        }).toList();
        PartnershipDescription described = partnership.description();
        return new Partnerships.Row(entry.getKey(), described.name(), described.type(), partnership.status(),
                partnership.statusSince(), "DORMANT".equals(partnership.status()), described.visibility(), parties,
                snapshot.countriesOf(partnership.partyIds()), partnership.agreementType(),
                partnership.agreementValidTo(), projects.stream().map(ProjectRef::of).toList(),
                projects.stream().filter(project -> project.getValue().isOpen()).count(), activities.size(),
                activities.stream().flatMap(activity -> activity.participants().stream())
                        .mapToLong(Participation::count).sum(),
                lastActivity);
    }
}
