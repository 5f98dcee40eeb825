package se.samverka.reporting;

import java.math.BigDecimal;
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
 */
@ConfigurationProperties("samverka.reporting")
public record ReportingSettings(
        @DefaultValue("Europe/Stockholm") ZoneId zone,
        @DefaultValue("40") double priorityThreshold,
        Map<Integer, Map<String, BigDecimal>> exchangeRates) {

    public ReportingSettings {
        exchangeRates = exchangeRates == null ? Map.of() : Map.copyOf(exchangeRates);
    }
}
