package se.samverka.reporting.funding;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.report.ReportFilter;

/**
 * Where the money comes from: applied, granted and paid per funding programme and year, with the own contribution,
 * in SEK and in the currencies it was decided in. A funding line counts in the year of the funder's decision, or
 * while undecided, in the year it was applied for; the filter's year picks those lines.
 *
 * @param total        all rows together
 * @param rates        the exchange rates the SEK figures were computed with
 * @param missingRates currencies and years without any configured rate: their amounts are not in the SEK figures
 */
public record Funding(ReportFilter filter, List<Row> rows, Row total, List<ExchangeRates.Rate> rates,
                      List<MissingRate> missingRates, Freshness freshness) {

    /**
     * @param programme the programme's code; null in the total
     * @param year      null in the total
     * @param lines     how many funding lines
     * @param original  the sums in each currency the amounts were given in
     */
    public record Row(String programme, String programmeName, Integer year, long lines, Sums sek, List<Sums> original) {
    }

    /** Exact sums in one currency; an amount not given counts as none. */
    public record Sums(
            String currency,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal applied,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal granted,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal paid,
            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal ownContribution) {
    }

    public record MissingRate(String currency, int year) {
    }
}
