package se.samverka.reporting;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reporting service's settings ({@code samverka.reporting.*}).
 *
 * @param zone              the municipality's time zone: the day an event happened on, there
 * @param priorityThreshold projects of a lower assessment score are listed in the priority report
 * @param exchangeRates     SEK per unit of each currency, per year (e.g. the Riksbank's yearly averages)
 * @param writer            how the instance that writes the read models is chosen (ADR 0025)
 */
@ConfigurationProperties("samverka.reporting")
public record ReportingSettings(
        @DefaultValue("Europe/Stockholm") ZoneId zone,
        @DefaultValue("40") double priorityThreshold,
        Map<Integer, Map<String, BigDecimal>> exchangeRates,
        @DefaultValue Writer writer) {

    public ReportingSettings {
        exchangeRates = exchangeRates == null ? Map.of() : Map.copyOf(exchangeRates);
    }

    /**
     * @param lease      how long the writer's lease lasts from its last renewal: after a writer dies, another instance
     *                   takes over within this
     * @param renewEvery how often the writer renews it; a writer that could not renew for {@code lease} less this
     *                   stops writing, before another may start
     * @param follow     how often every instance looks at the lease, and one that does not write at the generation
     *                   in use
     * @param dropAfter  how long a generation a rebuild replaced is kept for the other instances' reports that still
     *                   read it
     */
    public record Writer(
            @DefaultValue("15s") Duration lease,
            @DefaultValue("5s") Duration renewEvery,
            @DefaultValue("1s") Duration follow,
            @DefaultValue("1m") Duration dropAfter) {
    }
}
