package se.samverka.reporting.annual.export;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import se.samverka.platform.web.InvalidRequestException;

/**
 * The language an export is written in: Swedish, the municipality's, unless English is asked for with
 * {@code ?lang=en}. Its words are in the bundles {@code annual-report} (English) and {@code annual-report_sv}.
 */
public enum Language {

    SV(Locale.forLanguageTag("sv")),
    EN(Locale.ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    /** @throws InvalidRequestException (422) naming {@code lang} when it is neither sv nor en */
    public static Language of(String lang) {
        for (Language language : values()) {
            if (language.code().equals(lang)) {
                return language;
            }
        }
        throw new InvalidRequestException("lang", "reason.lang");
    }

    /** sv or en: as {@code ?lang=} takes it, and as the PDF declares its language. */
    public String code() {
        return locale.getLanguage();
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The bundle's text, its arguments filled in as MessageFormat does where there are any (as Spring's message
     * sources do): pass numbers already written, MessageFormat would group a year's digits.
     */
    public String word(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("annual-report", locale, NO_FALLBACK).getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
