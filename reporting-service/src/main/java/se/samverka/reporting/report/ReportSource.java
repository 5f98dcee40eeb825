package se.samverka.reporting.report;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.freshness.FreshnessReporter;
import se.samverka.reporting.readmodel.BrokerEntries;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.ReadModels;
import se.samverka.reporting.readmodel.Snapshot;

/** What every report is computed from: the entries of the generation in use, and how fresh they are. */
@Component
public class ReportSource {

    private final ReadModels models;
    private final FreshnessReporter freshness;
    private final SharedReading<ReadModelSet, Optional<Counting>> counting = new SharedReading<>();
    private final LastComputed<List<Object>> computed;
    private final Counter computedNow;
    private final Counter kept;

    ReportSource(ReadModels models, FreshnessReporter freshness, Clock clock, MeterRegistry meters) {
        this.models = models;
        this.freshness = freshness;
        this.computed = new LastComputed<>(clock);
        this.computedNow = Counter.builder("samverka.reports.computations").tag("outcome", "computed")
                .description("Reports computed from every entry").register(meters);
        this.kept = Counter.builder("samverka.reports.computations").tag("outcome", "kept")
                .description("Reports given as last computed, no event applied since").register(meters);
    }

    /**
     * Every entry of the generation in use, for a report that counts them all.
     *
     * @param broker    the broker's calls, interests and introductions
     * @param freshness taken before the entries are read, so that it never claims more than they include
     */
    public record Counting(Snapshot snapshot, BrokerEntries broker, Freshness freshness) {
    }

    /**
     * What a report reads of the generation in use itself (the few entries it needs), with how fresh that is, taken
     * before it reads.
     */
    public <T> T read(BiFunction<ReadModelSet, Freshness, T> report) {
        return fromTheGenerationInUse(set -> {
            Freshness taken = freshness.of(set);
            return set.reading(readable -> report.apply(readable, taken));
        });
    }

    /**
     * What {@code report} computes from every entry, computed again only when an event has been applied since it
     * last was (by this instance or another of the group), else as it was then, with the freshness it had then.
     *
     * @param key the report and every parameter it was asked with
     */
    public <T> T computed(List<Object> key, Function<Counting, T> report) {
        return kept(key, () -> report.apply(counting()));
    }

    /**
     * What {@code report} computes from what it reads of the generation in use itself (figures, not every entry),
     * computed again only when an event has been applied since it last was, as {@link #computed(List, Function)}.
     */
    public <T> T computedReading(List<Object> key, BiFunction<ReadModelSet, Freshness, T> report) {
        return kept(key, () -> read(report));
    }

    private <T> T kept(List<Object> key, Supplier<T> computation) {
        ReadModelSet set = models.current();
        LastComputed.Version version = new LastComputed.Version(set.generation(), set.applications(),
                freshness.appliedByTheGroup().orElse(null));
        LastComputed.Result<T> result = computed.get(key, version, computation);
        (result.computedNow() ? computedNow : kept).increment();
        return result.value();
    }

    /** Every entry and how fresh they are; requests that come while they are being read share that reading. */
    private Counting counting() {
        return fromTheGenerationInUse(set -> counting.read(set, () -> {
            Freshness taken = freshness.of(set);
            return set.reading(readable -> new Counting(readable.snapshot(), readable.broker(), taken));
        }));
    }

    /** Reads the generation in use; should a rebuild have replaced it before it was read, the one that serves then. */
    private <T> T fromTheGenerationInUse(Function<ReadModelSet, Optional<T>> read) {
        while (true) {
            Optional<T> result = read.apply(models.current());
            if (result.isPresent()) {
                return result.get();
            }
        }
    }
}
