package se.samverka.reporting.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import se.samverka.project.contracts.Indicator;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.ProjectEntry.IndicatorEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;

/** Lists each project's indicators with their progress, and sums them per strategy. */
@Component
public class IndicatorsReport implements Report<Indicators> {

    @Override
    public Indicators of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        List<Map.Entry<String, ProjectEntry>> projects = snapshot.projects().entrySet().stream()
                .filter(project -> !project.getValue().indicators().isEmpty())
                .filter(project -> filter.includes(project.getValue(), snapshot))
                .collect(Names.byName(project -> project.getValue().description().title()));
        List<Indicators.ProjectIndicators> rows = projects.stream()
                .map(project -> new Indicators.ProjectIndicators(project.getKey(),
                        project.getValue().description().title(), project.getValue().status(),
                        project.getValue().indicators().stream().map(IndicatorsReport::row).toList()))
                .toList();
        Map<String, Sum> sums = new TreeMap<>();
        for (Map.Entry<String, ProjectEntry> project : projects) {
            for (String strategy : project.getValue().description().strategies()) {
                if (filter.strategy() != null && !filter.strategy().equals(strategy)) {
                    continue;
                }
                for (IndicatorEntry indicator : project.getValue().indicators()) {
                    sums.computeIfAbsent(String.join("\u0000", strategy, indicator.kind(), indicator.unit()),
                            key -> new Sum(strategy, indicator.kind(), indicator.unit())).add(indicator);
                }
            }
        }
        return new Indicators(filter, rows, sums.values().stream().map(Sum::result).toList(), freshness);
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
            indicators++;
            baseline = baseline.add(indicator.baseline() == null ? BigDecimal.ZERO : indicator.baseline());
            target = target.add(indicator.target());
            if (indicator.latest() != null) {
                reported++;
                latest = latest.add(indicator.latest());
            }
        }

        Indicators.StrategySum result() {
            return new Indicators.StrategySum(strategy, kind, unit, indicators, reported, baseline, target, latest);
        }
    }
}
