package se.samverka.reporting.priority;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.project.contracts.AssessedCriterion;
import se.samverka.reporting.ReportingSettings;
import se.samverka.reporting.figures.Counts;
import se.samverka.reporting.figures.EntryPages;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;

/** Spreads the open projects' assessment scores and lists those below the threshold. */
@Component
public class PriorityReport implements Report<Priority> {

    private static final int BAND = 20;

    private final double defaultThreshold;

    PriorityReport(ReportingSettings settings) {
        this.defaultThreshold = settings.priorityThreshold();
    }

    public double defaultThreshold() {
        return defaultThreshold;
    }

    /** Counted from every entry, every project below the configured threshold listed: for the annual report. */
    @Override
    public Priority of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        List<Map.Entry<String, ProjectEntry>> below = below(snapshot, filter, defaultThreshold);
        return priority(filter, defaultThreshold, scores(snapshot, filter),
                PageResponse.whole(below.stream().map(project -> below(project, snapshot)).toList()), freshness);
    }

    /**
     * The scores from the figures kept with the entries (ADR 0022), and one page of the projects below the
     * threshold read from an index in the report's order; where no figures hold what the filter covers, from the
     * entries it may include ({@link ReadModelSet#snapshot(ReportFilter)}). Read within {@link ReadModelSet#reading}.
     */
    public Priority of(ReadModelSet set, ReportFilter filter, double threshold, Paging page, Freshness freshness) {
        Optional<Counts> figures = set.figures().counts(filter);
        if (figures.isEmpty()) {
            return of(set.snapshot(filter), filter, threshold, page, freshness);
        }
        NavigableMap<Double, Long> scores = new TreeMap<>();
        figures.get().of(Counts.SCORE).forEach((score, count) -> scores.put(Double.valueOf(score), count));
        long belowTotal = scores.headMap(threshold, false).values().stream().mapToLong(Long::longValue).sum();
        long from = (long) page.page() * page.size();
        // No more than the figures count below: the index is not walked past the last of them.
        Map<String, ProjectEntry> found = from >= belowTotal ? Map.of()
                : set.projects(new Criteria().andOperator(EntryPages.openBelow(threshold), EntryPages.of(filter)),
                EntryPages.BY_SCORE, from, (int) Math.min(page.size(), belowTotal - from));
        Snapshot owners = set.owners(found.values());
        List<Priority.Below> rows = found.entrySet().stream().map(project -> below(project, owners)).toList();
        return priority(filter, threshold, scores, PageResponse.of(rows, page.page(), page.size(), belowTotal),
                freshness);
    }

    /** Counted from every entry, one page of the projects below the threshold listed. */
    public Priority of(Snapshot snapshot, ReportFilter filter, double threshold, Paging page, Freshness freshness) {
        List<Map.Entry<String, ProjectEntry>> below = below(snapshot, filter, threshold);
        List<Priority.Below> rows = below.stream().skip((long) page.page() * page.size()).limit(page.size())
                .map(project -> below(project, snapshot)).toList();
        return priority(filter, threshold, scores(snapshot, filter),
                PageResponse.of(rows, page.page(), page.size(), below.size()), freshness);
    }

    /** How many open projects the filter includes have each score. */
    private static NavigableMap<Double, Long> scores(Snapshot snapshot, ReportFilter filter) {
        NavigableMap<Double, Long> scores = new TreeMap<>();
        snapshot.projects().values().stream()
                .filter(project -> project.isOpen() && project.score() != null && filter.includes(project, snapshot))
                .forEach(project -> scores.merge(project.score(), 1L, Long::sum));
        return scores;
    }

    /** The open projects the filter includes below the threshold, lowest first, a score's projects by title. */
    private static List<Map.Entry<String, ProjectEntry>> below(Snapshot snapshot, ReportFilter filter,
                                                                double threshold) {
        return snapshot.projects().entrySet().stream()
                .filter(project -> project.getValue().isOpen() && project.getValue().score() != null
                        && project.getValue().score() < threshold && filter.includes(project.getValue(), snapshot))
                .collect(Names.byName(project -> project.getValue().description().title())).stream()
                .sorted(Comparator.comparingDouble(project -> project.getValue().score()))
                .toList();
    }

    private static Priority priority(ReportFilter filter, double threshold, NavigableMap<Double, Long> scores,
                                     PageResponse<Priority.Below> below, Freshness freshness) {
        long assessed = scores.values().stream().mapToLong(Long::longValue).sum();
        List<Priority.Band> distribution = IntStream.range(0, 100 / BAND).mapToObj(band -> {
            int from = band * BAND;
            int to = from + BAND;
            boolean last = to == 100;
            long count = scores.entrySet().stream()
                    .filter(score -> score.getKey() >= from && (score.getKey() < to || last && score.getKey() <= to))
                    .mapToLong(Map.Entry::getValue).sum();
            return new Priority.Band(from, to, count);
        }).toList();
        return new Priority(filter, threshold, assessed, assessed == 0 ? null : round(mean(scores, assessed)),
                assessed == 0 ? null : median(scores, assessed), distribution, below, freshness);
    }

    private static Priority.Below below(Map.Entry<String, ProjectEntry> entry, Snapshot snapshot) {
        ProjectEntry project = entry.getValue();
        String owner = project.description().ownerOrganisationId();
        return new Priority.Below(entry.getKey(), project.description().title(), owner, snapshot.nameOf(owner),
                project.status(), project.score(),
                project.criteria().stream().filter(criterion -> !criterion.met()).map(AssessedCriterion::criterion)
                        .toList());
    }

    /** Summed lowest first, one at a time, as every score listed in order would be: the same mean to the last bit. */
    private static double mean(NavigableMap<Double, Long> scores, long assessed) {
        double sum = 0;
        for (Map.Entry<Double, Long> score : scores.entrySet()) {
            for (long i = 0; i < score.getValue(); i++) {
                sum += score.getKey();
            }
        }
        return sum / assessed;
    }

    private static double median(NavigableMap<Double, Long> scores, long assessed) {
        long middle = assessed / 2;
        return assessed % 2 == 1 ? nth(scores, middle) : round((nth(scores, middle - 1) + nth(scores, middle)) / 2);
    }

    /** The score at {@code index} (from 0) of every score in order. */
    private static double nth(NavigableMap<Double, Long> scores, long index) {
        long seen = 0;
        for (Map.Entry<Double, Long> score : scores.entrySet()) {
            seen += score.getValue();
            if (index < seen) {
                return score.getKey();
            }
        }
        throw new IllegalArgumentException("No score at " + index + " of " + seen);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
