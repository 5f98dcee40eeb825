package se.samverka.reporting.report;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The words for the codes of the domain, as the reports and exports show them: in the bundles {@code labels}
 * (English) and {@code labels_sv} (Swedish).
 */
public final class Labels {

    private static final Locale SWEDISH = Locale.forLanguageTag("sv");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Labels() {
    }

    /** The Swedish word for a code, or the code when there is none. */
    public static String sv(String code) {
        return in(SWEDISH, code);
    }

    /** The word for a code in Swedish or English (any other language reads English), or the code when there is none. */
    public static String in(Locale language, String code) {
        if (code == null) {
            return "";
        }
        ResourceBundle words = ResourceBundle.getBundle("labels", language, NO_FALLBACK);
        return words.containsKey(code) ? words.getString(code) : code;
    }

    /** A code as English words within a sentence: FINAL_REPORTED → final reported. */
    public static String en(String code) {
        return code == null ? "" : code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
