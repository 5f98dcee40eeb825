package se.samverka.reporting.priority;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import se.samverka.project.contracts.AssessedCriterion;
import se.samverka.reporting.ReportingSettings;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.ProjectEntry;
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

    @Override
    public Priority of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        return of(snapshot, filter, defaultThreshold, freshness);
    }

    public Priority of(Snapshot snapshot, ReportFilter filter, double threshold, Freshness freshness) {
        List<Map.Entry<String, ProjectEntry>> assessed = snapshot.projects().entrySet().stream()
                .filter(project -> project.getValue().isOpen() && project.getValue().score() != null)
                .filter(project -> filter.includes(project.getValue(), snapshot))
                .toList();
        double[] scores = assessed.stream().mapToDouble(project -> project.getValue().score()).sorted().toArray();
        List<Priority.Band> distribution = IntStream.range(0, 100 / BAND).mapToObj(band -> {
            int from = band * BAND;
            int to = from + BAND;
            boolean last = to == 100;
            long count = assessed.stream().map(project -> project.getValue().score())
                    .filter(score -> score >= from && (score < to || last && score <= to)).count();
            return new Priority.Band(from, to, count);
        }).toList();
        List<Priority.Below> below = assessed.stream()
                .filter(project -> project.getValue().score() < threshold)
                .map(project -> below(project, snapshot))
                .sorted(Comparator.comparingDouble(Priority.Below::score).thenComparing(Priority.Below::title, Names.ORDER))
                .toList();
        return new Priority(filter, threshold, scores.length, scores.length == 0 ? null : round(mean(scores)),
                scores.length == 0 ? null : median(scores), distribution, below, freshness);
    }

    private static Priority.Below below(Map.Entry<String, ProjectEntry> entry, Snapshot snapshot) {
        ProjectEntry project = entry.getValue();
        String owner = project.description().ownerOrganisationId();
        return new Priority.Below(entry.getKey(), project.description().title(), owner, snapshot.nameOf(owner),
                project.status(), project.score(),
                project.criteria().stream().filter(criterion -> !criterion.met()).map(AssessedCriterion::criterion)
                        .toList());
    }

    private static double mean(double[] sorted) {
        double sum = 0;
        for (double score : sorted) {
            sum += score;
        }
        return sum / sorted.length;
    }

    private static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : round((sorted[middle - 1] + sorted[middle]) / 2);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
