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

    ReportSource(ReadModels models, FreshnessReporter freshness) {
        this.models = models;
        this.freshness = freshness;
    }

    /**
     * @param freshness taken before the entries are read, so that it never claims more than they include
     */
    public record Reading(Freshness freshness, ReadModelSet models) {

        /** Every entry, read now: for a report that counts them all, not for one that needs a few. */
        public Snapshot snapshot() {
            return models.snapshot();
        }
    }

    public Reading read() {
        ReadModelSet set = models.current();
        return new Reading(freshness.of(set), set);
    }
}
