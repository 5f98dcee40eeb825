package se.samverka.reporting.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;
import se.samverka.platform.web.PageResponse;
import se.samverka.platform.web.Paging;
import se.samverka.project.contracts.Indicator;
import se.samverka.reporting.figures.Counts;
import se.samverka.reporting.figures.EntryPages;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.ProjectEntry.IndicatorEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.ReportFilter;

/** Lists each project's indicators with their progress, and sums them per strategy. */
@Component
public class IndicatorsReport {

    /**
     * The sums from the figures kept with the entries (ADR 0022), and one page of the projects with indicators read
     * from an index by title; where no figures hold what the filter covers, from the entries it may include
     * ({@link ReadModelSet#snapshot(ReportFilter)}). Read within {@link ReadModelSet#reading}.
     */
    public Indicators of(ReadModelSet set, ReportFilter filter, Paging page, Freshness freshness) {
        Optional<Counts> figures = set.figures().counts(filter);
        if (figures.isEmpty()) {
            return of(set.snapshot(filter), filter, page, freshness);
        }
        Counts counts = figures.get();
        Map<String, Sum> sums = new TreeMap<>();
        counts.of(Counts.INDICATORS).forEach((key, indicators) -> {
            List<String> parts = Counts.indicatorKeyParts(key);
            Optional.ofNullable(sum(sums, filter, parts.get(0), parts.get(1), parts.get(2))).ifPresent(sum -> sum.add(
                    indicators, counts.of(Counts.INDICATORS_REPORTED).getOrDefault(key, 0L),
                    counts.sumsOf(Counts.INDICATOR_BASELINE).getOrDefault(key, BigDecimal.ZERO),
                    counts.sumsOf(Counts.INDICATOR_TARGET).getOrDefault(key, BigDecimal.ZERO),
                    counts.sumsOf(Counts.INDICATOR_LATEST).getOrDefault(key, BigDecimal.ZERO)));
        });
        long total = counts.of(Counts.WITH_INDICATORS).getOrDefault("true", 0L);
        long from = (long) page.page() * page.size();
        // No more than the figures count: the index is not walked past the last of them.
        Map<String, ProjectEntry> found = from >= total ? Map.of()
                : set.projects(new Criteria().andOperator(EntryPages.withIndicators(), EntryPages.of(filter)),
                EntryPages.BY_TITLE, from, (int) Math.min(page.size(), total - from));
        return indicators(filter, List.copyOf(found.entrySet()), page, total, sums, freshness);
    }

    /** Counted from every entry. */
    public Indicators of(Snapshot snapshot, ReportFilter filter, Paging page, Freshness freshness) {
        List<Map.Entry<String, ProjectEntry>> projects = snapshot.projects().entrySet().stream()
                .filter(project -> !project.getValue().indicators().isEmpty())
                .filter(project -> filter.includes(project.getValue(), snapshot))
                .collect(Names.byName(project -> project.getValue().description().title()));
        Map<String, Sum> sums = new TreeMap<>();
        projects.forEach(project -> project.getValue().description().strategies().forEach(strategy ->
                project.getValue().indicators().forEach(indicator -> Optional.ofNullable(sum(sums, filter, strategy,
                        indicator.kind(), indicator.unit())).ifPresent(sum -> sum.add(indicator)))));
        return indicators(filter, projects.stream().skip((long) page.page() * page.size()).limit(page.size())
                .toList(), page, projects.size(), sums, freshness);
    }

    /** The sum of a strategy's indicators of a kind and unit; null where the filter names another strategy. */
    private static Sum sum(Map<String, Sum> sums, ReportFilter filter, String strategy, String kind, String unit) {
        if (filter.strategy() != null && !filter.strategy().equals(strategy)) {
            return null;
        }
        return sums.computeIfAbsent(String.join("\u0000", strategy, kind, unit), key -> new Sum(strategy, kind, unit));
    }

    private static Indicators indicators(ReportFilter filter, List<Map.Entry<String, ProjectEntry>> projects,
                                         Paging page, long total, Map<String, Sum> sums, Freshness freshness) {
        List<Indicators.ProjectIndicators> rows = projects.stream()
                .map(project -> new Indicators.ProjectIndicators(project.getKey(),
                        project.getValue().description().title(), project.getValue().status(),
                        project.getValue().indicators().stream().map(IndicatorsReport::row).toList()))
                .toList();
        return new Indicators(filter, PageResponse.of(rows, page.page(), page.size(), total),
                sums.values().stream().map(Sum::result).toList(), freshness);
    }

    private static Indicators.Row row(IndicatorEntry indicator) {
        return new Indicators.Row(indicator.indicatorId(), indicator.kind(), indicator.name(), indicator.unit(),
                indicator.baseline(), indicator.target(), indicator.latest(), indicator.latestOn(),
                indicator.latest() == null ? null
                        : Indicator.progress(indicator.baseline(), indicator.target(), indicator.latest()));
    }

    private static final class Sum {

        private final String strategy;
        private final String kind;
        private final String unit;
        private long indicators;
        private long reported;
        private BigDecimal baseline = BigDecimal.ZERO;
        private BigDecimal target = BigDecimal.ZERO;
        private BigDecimal latest = BigDecimal.ZERO;

        private Sum(String strategy, String kind, String unit) {
            this.strategy = strategy;
            this.kind = kind;
            this.unit = unit;
        }

        void add(IndicatorEntry indicator) {
            add(1, indicator.latest() == null ? 0 : 1, indicator.baseline() == null ? BigDecimal.ZERO
                    : indicator.baseline(), indicator.target(), indicator.latest() == null ? BigDecimal.ZERO
                    : indicator.latest());
        }

        void add(long moreIndicators, long moreReported, BigDecimal moreBaseline, BigDecimal moreTarget,
                 BigDecimal moreLatest) {
            indicators += moreIndicators;
            reported += moreReported;
            baseline = baseline.add(moreBaseline);
            target = target.add(moreTarget);
            latest = latest.add(moreLatest);
        }

        /** Each sum as few digits as it needs: the figures' and the entries' sums of the same values read alike. */
        Indicators.StrategySum result() {
            return new Indicators.StrategySum(strategy, kind, unit, indicators, reported, plain(baseline),
                    plain(target), plain(latest));
        }

        private static BigDecimal plain(BigDecimal amount) {
            BigDecimal stripped = amount.stripTrailingZeros();
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
