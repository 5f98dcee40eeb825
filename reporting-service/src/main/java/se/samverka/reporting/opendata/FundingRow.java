package se.samverka.reporting.opendata;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import se.samverka.platform.events.Money;
import se.samverka.project.contracts.FundingLine;
import se.samverka.reporting.funding.ExchangeRates;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ProjectEntry.FundingEntry;

/**
 * The public funding lines of one programme and year, summed exactly in one currency. A line counts in the year of
 * the funder's decision, or while undecided in the year it was applied for, as in the funding report; it is counted
 * in the row of the currency it was applied for in, and each of its amounts is summed in the row of its own currency.
 *
 * @param lines    how many funding lines
 * @param projects how many projects they belong to
 * @param rate     SEK per unit at the configured rate of the year (the nearest year's where the year has none);
 *                 empty where no year has one
 */
public record FundingRow(String programme, int year, String currency, long lines, long projects, BigDecimal applied,
                         BigDecimal granted, BigDecimal paid, BigDecimal ownContribution, Optional<BigDecimal> rate) {

    /** An amount in SEK at the row's rate, to the öre; empty without a rate. */
    public Optional<BigDecimal> inSek(BigDecimal amount) {
        return rate.map(sekPerUnit -> amount.multiply(sekPerUnit).setScale(2, RoundingMode.HALF_EVEN));
    }

    /** The rows of the projects' public funding lines, by programme, year and currency. */
    static List<FundingRow> of(Map<String, ProjectEntry> projects, ExchangeRates rates) {
        Map<Key, Sum> sums = new TreeMap<>(Comparator.comparing(Key::programme).thenComparingInt(Key::year)
                .thenComparing(Key::currency));
        projects.forEach((projectId, project) -> {
            for (FundingEntry funding : PublicRegister.publicFunding(project)) {
                FundingLine line = funding.line();
                Sum counted = sums.computeIfAbsent(new Key(line.programme(), funding.year(), line.applied().currency()),
                        key -> new Sum());
                counted.lines++;
                counted.projects.add(projectId);
                add(sums, line, funding.year(), line.applied(), Amount.APPLIED);
                add(sums, line, funding.year(), line.granted(), Amount.GRANTED);
                add(sums, line, funding.year(), line.paid(), Amount.PAID);
                add(sums, line, funding.year(), line.ownContribution(), Amount.OWN_CONTRIBUTION);
            }
        });
        return sums.entrySet().stream().map(row -> row.getValue().row(row.getKey(), rates)).toList();
    }

    private static void add(Map<Key, Sum> sums, FundingLine line, int year, Money money, Amount amount) {
        if (money != null) {
            sums.computeIfAbsent(new Key(line.programme(), year, money.currency()), key -> new Sum())
                    .amounts.merge(amount, money.amount(), BigDecimal::add);
        }
    }

    private enum Amount {
        APPLIED, GRANTED, PAID, OWN_CONTRIBUTION
    }

    private record Key(String programme, int year, String currency) {
    }

    private static final class Sum {

        private long lines;
        private final Set<String> projects = new HashSet<>();
        private final Map<Amount, BigDecimal> amounts = new TreeMap<>();

        FundingRow row(Key key, ExchangeRates rates) {
            return new FundingRow(key.programme(), key.year(), key.currency(), lines, projects.size(),
                    amount(Amount.APPLIED, key.currency()), amount(Amount.GRANTED, key.currency()),
                    amount(Amount.PAID, key.currency()), amount(Amount.OWN_CONTRIBUTION, key.currency()),
                    rates.rate(key.currency(), key.year()).map(ExchangeRates.Rate::sekPerUnit));
        }

        /** Exact, with at least the currency's decimals (1000.30 EUR, 0.00 SEK for none). */
        private BigDecimal amount(Amount amount, String currency) {
            BigDecimal sum = amounts.getOrDefault(amount, BigDecimal.ZERO);
            int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
            return sum.setScale(Math.max(decimals, Math.max(0, sum.stripTrailingZeros().scale())));
        }
    }
}
