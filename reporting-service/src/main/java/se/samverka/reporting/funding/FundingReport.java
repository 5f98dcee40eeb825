package se.samverka.reporting.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import se.samverka.platform.events.Money;
import se.samverka.project.contracts.FundingLine;
import se.samverka.reporting.figures.Counts;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.readmodel.ProjectEntry.FundingEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.Snapshot;
import se.samverka.reporting.report.Names;
import se.samverka.reporting.report.Report;
import se.samverka.reporting.report.ReportFilter;

/** Sums the funding lines exactly, per programme and year, and converts them to SEK at the configured rates. */
@Component
public class FundingReport implements Report<Funding> {

    private final ExchangeRates rates;
    private final Names names;

    FundingReport(ExchangeRates rates, Names names) {
        this.rates = rates;
        this.names = names;
    }

    /** The four amounts of a funding line. */
    private enum Amount {
        APPLIED(FundingLine::applied), GRANTED(FundingLine::granted), PAID(FundingLine::paid),
        OWN_CONTRIBUTION(FundingLine::ownContribution);

        private final Function<FundingLine, Money> of;

        Amount(Function<FundingLine, Money> of) {
            this.of = of;
        }
    }

    @Override
    public Funding of(Snapshot snapshot, ReportFilter filter, Freshness freshness) {
        ReportFilter projectsFilter = filter.withYear(null);
        Map<String, Map<Integer, Sum>> byProgramme = new TreeMap<>();
        Sum total = new Sum();
        Conversion conversion = new Conversion();
        for (ProjectEntry project : snapshot.projects().values()) {
            if (!projectsFilter.includes(project, snapshot)) {
                continue;
            }
            for (FundingEntry funding : project.funding()) {
                if (filter.year() != null && funding.year() != filter.year()) {
                    continue;
                }
                Sum row = byProgramme.computeIfAbsent(funding.line().programme(), programme -> new TreeMap<>())
                        .computeIfAbsent(funding.year(), year -> new Sum());
                row.add(funding, conversion);
                total.add(funding, conversion);
            }
        }
        return funding(filter, byProgramme, total, conversion, freshness);
    }

    private Funding funding(ReportFilter filter, Map<String, Map<Integer, Sum>> byProgramme, Sum total,
                            Conversion conversion, Freshness freshness) {
        List<Funding.Row> rows = new ArrayList<>();
        byProgramme.forEach((programme, years) -> years.forEach((year, sum) ->
                rows.add(sum.row(programme, names.programme(programme), year))));
        return new Funding(filter, rows, total.row(null, null, null), conversion.used(), conversion.missing(),
                freshness);
    }

    /**
     * As {@link #of(Snapshot, ReportFilter, Freshness)}, from the figures kept with the projects' entries (ADR 0022)
     * where they hold the projects the filter covers, else from the entries it may include
     * ({@link ReadModelSet#snapshot(ReportFilter)}). Read within {@link ReadModelSet#reading}.
     */
    public Funding of(ReadModelSet set, ReportFilter filter, Freshness freshness) {
        // The year is the money's, not the projects': the projects are found by the rest of the filter.
        ReportFilter projectsFilter = filter.withYear(null);
        Optional<Counts> figures = set.figures().counts(projectsFilter);
        if (figures.isEmpty()) {
            return of(set.snapshot(projectsFilter), filter, freshness);
        }
        Map<String, Map<Integer, Sum>> byProgramme = new TreeMap<>();
        Sum total = new Sum();
        Conversion conversion = new Conversion();
        Map<String, BigDecimal> amounts = figures.get().sumsOf(Counts.FUNDING);
        figures.get().of(Counts.FUNDING_LINES).forEach((row, lines) -> {
            String programme = row.substring(0, row.lastIndexOf('|'));
            int year = Integer.parseInt(row.substring(row.lastIndexOf('|') + 1));
            if (filter.year() != null && year != filter.year()) {
                return;
            }
            Sum sum = byProgramme.computeIfAbsent(programme, ignored -> new TreeMap<>())
                    .computeIfAbsent(year, ignored -> new Sum());
            sum.lines += lines;
            total.lines += lines;
            figures.get().of(Counts.FUNDING_AMOUNTS).keySet().stream()
                    .filter(given -> given.startsWith(row + "|"))
                    .forEach(given -> {
                        String currency = given.substring(row.length() + 1);
                        for (Amount amount : Amount.values()) {
                            BigDecimal summed = amounts.getOrDefault(given + "|" + amount.name(), BigDecimal.ZERO);
                            sum.add(amount, new Money(summed, currency), year, conversion);
                            total.add(amount, new Money(summed, currency), year, conversion);
                        }
                    });
        });
        return funding(filter, byProgramme, total, conversion, freshness);
    }

    /** The lines' sums together, as a row without programme and year: what one project's funding comes to. */
    public Funding.Row total(List<FundingEntry> lines) {
        Sum sum = new Sum();
        Conversion conversion = new Conversion();
        lines.forEach(line -> sum.add(line, conversion));
        return sum.row(null, null, null);
    }

    /** Exact sums of some funding lines, per currency and in SEK. */
    private static final class Sum {

        private long lines;
        private final Map<String, Map<Amount, BigDecimal>> original = new TreeMap<>();
        private final Map<Amount, BigDecimal> sek = new EnumMap<>(Amount.class);

        void add(FundingEntry funding, Conversion conversion) {
            lines++;
            for (Amount amount : Amount.values()) {
                Money money = amount.of.apply(funding.line());
                if (money != null) {
                    add(amount, money, funding.year(), conversion);
                }
            }
        }

        /** An amount given in a line of the year, or the sum of such amounts in one currency. */
        void add(Amount amount, Money money, int year, Conversion conversion) {
            original.computeIfAbsent(money.currency(), currency -> new EnumMap<>(Amount.class))
                    .merge(amount, money.amount(), BigDecimal::add);
            conversion.toSek(money, year).ifPresent(inSek -> sek.merge(amount, inSek, BigDecimal::add));
        }

        Funding.Row row(String programme, String programmeName, Integer year) {
            List<Funding.Sums> inCurrencies = original.entrySet().stream()
                    .map(currency -> sums(currency.getKey(), currency.getValue(),
                            amount -> asTheCurrencyWrites(amount, currency.getKey())))
                    .toList();
            return new Funding.Row(programme, programmeName, year, lines,
                    sums(ExchangeRates.SEK, sek, amount -> amount.setScale(2, RoundingMode.HALF_EVEN)), inCurrencies);
        }

        /**
         * Exact, with at least the currency's decimals and no trailing zeros beyond them, however the sum came about
         * (1000.30 EUR, 1000.00 CHF, 1.005 EUR): a sum kept as lines were added and removed is written as one of the
         * lines there are.
         */
        private static BigDecimal asTheCurrencyWrites(BigDecimal amount, String currency) {
            int decimals = Currency.getInstance(currency).getDefaultFractionDigits();
            return amount.setScale(Math.max(decimals, amount.stripTrailingZeros().scale()));
        }

        private static Funding.Sums sums(String currency, Map<Amount, BigDecimal> amounts,
                                         Function<BigDecimal, BigDecimal> shown) {
            // None is written as the currency writes its amounts: 0.00 SEK, 0 JPY.
            BigDecimal none = BigDecimal.ZERO.setScale(Currency.getInstance(currency).getDefaultFractionDigits());
            Function<Amount, BigDecimal> get = amount -> shown.apply(amounts.getOrDefault(amount, none));
            return new Funding.Sums(currency, get.apply(Amount.APPLIED), get.apply(Amount.GRANTED),
                    get.apply(Amount.PAID), get.apply(Amount.OWN_CONTRIBUTION));
        }
    }

    /** Converts to SEK, remembering which rates it used and which it lacked. */
    private final class Conversion {

        private final Map<String, ExchangeRates.Rate> used = new TreeMap<>();
        private final TreeSet<Funding.MissingRate> missing = new TreeSet<>(
                Comparator.comparing(Funding.MissingRate::currency).thenComparingInt(Funding.MissingRate::year));

        Optional<BigDecimal> toSek(Money money, int year) {
            Optional<ExchangeRates.Rate> rate = rates.rate(money.currency(), year);
            if (rate.isEmpty()) {
                missing.add(new Funding.MissingRate(money.currency(), year));
                return Optional.empty();
            }
            if (!ExchangeRates.SEK.equals(money.currency())) {
                used.put(year + money.currency(), rate.get());
            }
            return Optional.of(money.amount().multiply(rate.get().sekPerUnit()));
        }

        List<ExchangeRates.Rate> used() {
            return List.copyOf(used.values());
        }

        List<Funding.MissingRate> missing() {
            return List.copyOf(missing);
        }
    }
}
