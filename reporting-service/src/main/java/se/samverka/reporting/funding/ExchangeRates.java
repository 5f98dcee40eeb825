package se.samverka.reporting.funding;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import se.samverka.reporting.ReportingSettings;

/**
 * SEK per unit of a currency in a year, from configuration ({@code samverka.reporting.exchange-rates.<year>.<currency>}).
 * A year without a rate of its own takes the nearest configured year's, the earlier one when two are as near; the
 * report says which rate it used.
 */
@Component
public class ExchangeRates {

    static final String SEK = "SEK";

    private final Map<Integer, Map<String, BigDecimal>> rates;

    public ExchangeRates(ReportingSettings settings) {
        this.rates = settings.exchangeRates();
    }

    /** The rate used for a currency in a year, or empty when no year has one. */
    public Optional<Rate> rate(String currency, int year) {
        if (SEK.equals(currency)) {
            return Optional.of(new Rate(year, currency, BigDecimal.ONE, year));
        }
        return rates.entrySet().stream()
                .filter(byYear -> byYear.getValue().containsKey(currency))
                .min(Comparator.<Map.Entry<Integer, Map<String, BigDecimal>>>comparingInt(
                                byYear -> Math.abs(byYear.getKey() - year))
                        .thenComparingInt(Map.Entry::getKey))
                .map(byYear -> new Rate(year, currency, byYear.getValue().get(currency), byYear.getKey()));
    }

    /**
     * @param sekPerUnit what one unit of the currency counted as
     * @param rateYear   the year whose rate that is
     */
    public record Rate(int year, String currency, BigDecimal sekPerUnit, int rateYear) {
    }
}
