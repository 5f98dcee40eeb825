package se.samverka.reporting.annual.export;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import se.samverka.reporting.report.Labels;
import se.samverka.reporting.report.Names;

/**
 * How an export writes in its language: its words from the bundles (see {@link Language}), the words for codes
 * ({@link Labels}), the names of countries, strategies and programmes, and numbers and times as readers of that
 * language write them (1 250 000,50 or 1,250,000.50). Times are Swedish time in both: the municipality's.
 */
final class Words {

    private static final ZoneId TIME_ZONE = ZoneId.of("Europe/Stockholm");
    /** Swedish groups thousands with a no-break space, so that a number never wraps in a table cell. */
    private static final char SWEDISH_GROUPING = '\u00A0';
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Language language;
    private final Names names;
    private final DecimalFormatSymbols symbols;
    private final DateTimeFormatter longTime;

    Words(Language language, Names names) {
        this.language = language;
        this.names = names;
        this.symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        if (language == Language.SV) {
            symbols.setGroupingSeparator(SWEDISH_GROUPING);
            symbols.setDecimalSeparator(',');
        } else {
            symbols.setGroupingSeparator(',');
            symbols.setDecimalSeparator('.');
        }
        this.longTime = DateTimeFormatter.ofPattern(language.word("format.long-time"), language.locale());
    }

    Language language() {
        return language;
    }

    /** The bundle's text, its arguments filled in: see {@link Language#word}. */
    String get(String key, Object... arguments) {
        return language.word(key, arguments);
    }

    /** The word for a code such as ONGOING. */
    String label(String code) {
        return Labels.in(language.locale(), code);
    }

    String yesOrNo(boolean yes) {
        return get(yes ? "yes" : "no");
    }

    String country(String code) {
        return Names.countryIn(code, language.locale());
    }

    String strategy(String code) {
        return language == Language.SV ? names.strategy(code) : names.strategyEn(code);
    }

    /** A programme's name: in English from the reference data, in Swedish the report's own where it has one. */
    String programme(String code, String swedishName) {
        if (language == Language.EN && code != null) {
            return names.programmeEn(code);
        }
        return swedishName != null ? swedishName : code;
    }

    /** A name the report gives in Swedish and, where it differs, in English. */
    String name(String name, String nameEn) {
        boolean hasEnglish = nameEn != null && !nameEn.isBlank();
        return language == Language.EN && hasEnglish || name == null ? nameEn : name;
    }

    /** A number as a spreadsheet reads it from a CSV file in the language: 1250000,50 or 1250000.50, no grouping. */
    String plain(Number number) {
        if (number == null) {
            return "";
        }
        BigDecimal decimal = number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
        if (!(number instanceof BigDecimal) && decimal.scale() > 0) {
            decimal = decimal.stripTrailingZeros();
        }
        return decimal.toPlainString().replace('.', symbols.getDecimalSeparator());
    }

    /** 1 250 000,50 or 1,250,000.50: for reading. */
    String amount(BigDecimal amount) {
        return amount == null ? "–" : format("#,##0.00", amount);
    }

    /** 1 250 001 kr or SEK 1,250,001: whole kronor, where a chart shows the size at a glance. */
    String kronor(BigDecimal amount) {
        return amount == null ? "–"
                : get("format.kronor", format("#,##0", amount.setScale(0, RoundingMode.HALF_EVEN)));
    }

    String count(long count) {
        return format("#,##0", count);
    }

    /** 72,5 or 72.5: a score or an average, to one decimal. */
    String decimal(Number number) {
        return number == null ? "–" : format("#,##0.0", number);
    }

    /** 1 mars 2026 kl. 14.05 or 1 March 2026 at 14:05, in Swedish time. */
    String longTime(Instant instant) {
        return longTime.format(instant.atZone(TIME_ZONE));
    }

    /** 2026-03-01 14:05, in Swedish time. */
    static String shortTime(Instant instant) {
        return instant == null ? "" : SHORT_TIME.format(instant.atZone(TIME_ZONE));
    }

    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, TIME_ZONE);
    }

    static LocalDate date(Instant instant) {
        return instant == null ? null : LocalDate.ofInstant(instant, TIME_ZONE);
    }

    static String joined(List<String> values) {
        return values == null ? "" : String.join(", ", values.stream().filter(Objects::nonNull).toList());
    }

    private String format(String pattern, Object number) {
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(number);
    }
}
