package se.samverka.reporting.geography;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import se.samverka.reporting.figures.Counts;
import se.samverka.reporting.figures.FigureStore;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;
import se.samverka.reporting.report.Tally;

/** Places the portfolio on the map by its organisations' countries and regions. */
@Component
public class GeographyReport implements Report<Geography> {

    private final Names names;

    GeographyReport(Names names) {
        this.names = names;
    }

    /** What stands in one place: ids of organisations and partnerships there, and how many projects. */
    private static final class Place {
        private final Set<String> organisations = new HashSet<>();
        private final Set<String> partnerships = new HashSet<>();
        private long projects;
    }

    /** Counted from the snapshot's entries: for a filter that combines two or more parts, which no figures hold. */
    @Override
    public Geography of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        Map<String, Place> countries = new TreeMap<>();
        Map<String, Place> regions = new TreeMap<>();
        snapshot.projects().forEach((id, project) -> {
            if (filter.includes(project, snapshot)) {
                placesOf(project.organisationIds(), snapshot, countries, regions).forEach(place -> place.projects++);
            }
        });
        return geography(snapshot, filter, countries, regions, freshness);
    }

    /**
     * The projects from the figures kept with their entries (ADR 0022): how many have an organisation in each country
     * and region; the organisations and partnerships (a few hundred) from theirs. Where no figures hold what the
     * filter covers ({@link FigureStore#counts}), from the entries it may include
     * ({@link ReadModelSet#snapshot(ReportFilter)}). Read within {@link ReadModelSet#reading}.
     */
    public Geography of(ReadModelSet set, ReportFilter filter, Freshness freshness) {
        Optional<Counts> figures = set.figures().counts(filter);
        if (figures.isEmpty()) {
            return of(set.snapshot(filter), filter, freshness);
        }
        Map<String, Place> countries = new TreeMap<>();
        Map<String, Place> regions = new TreeMap<>();
        projectsIn(figures.get().of("country"), countries);
        projectsIn(figures.get().of("region"), regions);
        return geography(set.withoutProjects(), filter, countries, regions, freshness);
    }

    private static void projectsIn(Map<String, Long> counts, Map<String, Place> places) {
        counts.forEach((place, projects) -> {
            if (!Tally.NONE.equals(place)) {
                places.computeIfAbsent(place, key -> new Place()).projects = projects;
            }
        });
    }

    private Geography geography(Snapshot snapshot, ReportFilter filter, Map<String, Place> countries,
                                Map<String, Place> regions, Freshness freshness) {
        snapshot.organisations().forEach((id, organisation) -> {
            if (organisation.description().takesPart()
                    && (filter.country() == null || filter.country().equals(organisation.description().country()))) {
                place(organisation, countries, regions).forEach(place -> place.organisations.add(id));
            }
        });
        snapshot.partnerships().forEach((id, partnership) -> {
            if (filter.includes(partnership, snapshot)) {
                placesOf(partnership.partyIds(), snapshot, countries, regions).forEach(place -> place.partnerships.add(id));
            }
        });
        List<Geography.Country> rows = countries.entrySet().stream()
                .filter(country -> filter.country() == null || filter.country().equals(country.getKey()))
                .map(country -> new Geography.Country(country.getKey(), Names.country(country.getKey()),
                        Names.countryEn(country.getKey()), country.getValue().organisations.size(),
                        country.getValue().partnerships.size(), country.getValue().projects,
                        regions.entrySet().stream()
                                .filter(region -> region.getKey().startsWith(country.getKey() + "-"))
                                .map(region -> new Geography.Region(region.getKey(), region.getValue().organisations.size(),
                                        region.getValue().partnerships.size(), region.getValue().projects))
                                .toList()))
                .sorted(Comparator.comparingLong(Geography.Country::projects).reversed()
                        .thenComparing(Geography.Country::country))
                .toList();
        return new Geography(filter, rows, freshness);
    }

    private static List<Place> placesOf(List<String> organisationIds, Snapshot snapshot, Map<String, Place> countries,
                                        Map<String, Place> regions) {
        return organisationIds.stream().map(snapshot::organisation).flatMap(Optional::stream)
                .flatMap(organisation -> place(organisation, countries, regions).stream())
                .distinct().toList();
    }

    private static List<Place> place(OrganisationEntry organisation, Map<String, Place> countries,
                                     Map<String, Place> regions) {
        Function<String, Place> newPlace = key -> new Place();
        Place country = countries.computeIfAbsent(organisation.description().country(), newPlace);
        return organisation.description().region() == null ? List.of(country)
                : List.of(country, regions.computeIfAbsent(organisation.description().region(), newPlace));
    }
}
