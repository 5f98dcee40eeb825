package se.samverka.platform.web;

import java.util.Locale;
import java.util.Optional;

/**
 * Which text a request may carry (ADR 0011): any Unicode text, but no control characters other than tab, line feed
 * and carriage return (a description typed into a form has line breaks), and no unpaired UTF-16 surrogates (they are
 * no character at all, and every encoder writes them differently). Such text cannot be meant by a person, breaks the
 * exports, feeds and logs it reaches, and is refused where it enters rather than escaped wherever it goes.
 */
public final class TextCheck {

    private static final String ALLOWED_CONTROLS = "\t\n\r";

    private TextCheck() {
    }

    /**
     * @return why the text is refused, naming the first offending character as {@code U+XXXX} and its position
     *         (counted in characters from 1), or empty when it may be accepted
     */
    public static Optional<Reason> problem(String text) {
        int position = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            position++;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(Reason.of("reason.unpaired-surrogate", codePoint(c), position));
            } else if (Character.getType(c) == Character.CONTROL && ALLOWED_CONTROLS.indexOf(c) < 0) {
                return Optional.of(Reason.of("reason.control-character", codePoint(c), position));
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format(Locale.ROOT, "U+%04X", (int) c);
    }
}
