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

/** How the exports write numbers, times and countries for Swedish readers. */
final class Swedish {

    private static final Locale LOCALE = Locale.forLanguageTag("sv-SE");
    private static final ZoneId TIME_ZONE = ZoneId.of("Europe/Stockholm");

    /** The no-break space groups thousands, so that a number never wraps in a table cell. */
    private static final char GROUPING = '\u00A0';
    private static final DateTimeFormatter LONG_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'kl.' HH.mm", LOCALE);
    private static final DateTimeFormatter SHORT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Swedish() {
    }

    /** 1250000,50: a decimal comma and no grouping, as Swedish Excel reads a number in a CSV file. */
    static String plain(Number number) {
        if (number == null) {
            return "";
        }
        BigDecimal decimal = number instanceof BigDecimal exact ? exact : new BigDecimal(number.toString());
        if (!(number instanceof BigDecimal) && decimal.scale() > 0) {
            decimal = decimal.stripTrailingZeros();
        }
        return decimal.toPlainString().replace('.', ',');
    }

    /** 1 250 000,50: for reading. */
    static String amount(BigDecimal amount) {
        return amount == null ? "–" : format("#,##0.00", amount);
    }

    /** 1 250 001 kr: whole kronor, where a chart shows the size at a glance. */
    static String kronor(BigDecimal amount) {
        return amount == null ? "–" : format("#,##0", amount.setScale(0, RoundingMode.HALF_EVEN)) + " kr";
    }

    static String count(long count) {
        return format("#,##0", count);
    }

    /** 72,5: a score or an average, to one decimal. */
    static String decimal(Number number) {
        return number == null ? "–" : format("#,##0.0", number);
    }

    /** 1 mars 2026 kl. 14.05, in Swedish time. */
    static String longTime(Instant instant) {
        return LONG_TIME.format(instant.atZone(TIME_ZONE));
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

    private static String format(String pattern, Object number) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        symbols.setGroupingSeparator(GROUPING);
        symbols.setDecimalSeparator(',');
        DecimalFormat format = new DecimalFormat(pattern, symbols);
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(number);
    }
}
