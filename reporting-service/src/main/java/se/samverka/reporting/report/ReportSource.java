package se.samverka.reporting.report;

import org.springframework.stereotype.Component;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.freshness.FreshnessReporter;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.ReadModels;
import se.samverka.reporting.readmodel.Snapshot;

/** What every report is computed from: the entries of the generation in use, and how fresh they are. */
@Component
public class ReportSource {

    private final ReadModels models;
    private final FreshnessReporter freshness;
    private final SharedReading<ReadModelSet, Counting> counting = new SharedReading<>();

    ReportSource(ReadModels models, FreshnessReporter freshness) {
        this.models = models;
        this.freshness = freshness;
    }

    /** The generation in use, for a report that reads the few entries it needs itself. */
    public record Reading(Freshness freshness, ReadModelSet models) {
    }

    /**
     * Every entry of the generation in use, for a report that counts them all.
     *
     * @param freshness taken before the entries are read, so that it never claims more than they include
     */
    public record Counting(Snapshot snapshot, Freshness freshness) {
    }

    public Reading read() {
        ReadModelSet set = models.current();
        return new Reading(freshness.of(set), set);
    }

    /** Every entry and how fresh they are; requests that come while they are being read share that reading. */
    public Counting counting() {
        ReadModelSet set = models.current();
        return counting.read(set, () -> {
            Freshness taken = freshness.of(set);
            return new Counting(set.snapshot(), taken);
        });
    }
}
