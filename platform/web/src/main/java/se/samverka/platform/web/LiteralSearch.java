package se.samverka.platform.web;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A search term ({@code q}) as a regular expression that finds it literally, whatever it holds. Letters and digits
 * stand as they are; every other character is written as {@code \x{hhhh}}, which java.util.regex, MongoDB's PCRE and
 * the Mongo-wire server all read as that one character. So no character can be a metacharacter, and none reaches the
 * store as itself: a regular expression travels as a BSON cstring, where a NUL cannot stand.
 */
public final class LiteralSearch {

    private static final int REPLACEMENT_CHARACTER = 0xFFFD;

    private LiteralSearch() {
    }

    /**
     * @return a case-insensitive pattern that finds the term, stripped, anywhere in a text; empty when there is no
     *         term, or a blank one
     */
    public static Optional<Pattern> containing(String term) {
        if (term == null || term.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Pattern.compile(literal(term.strip()), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    static String literal(String term) {
        StringBuilder regex = new StringBuilder(term.length() * 2);
        term.codePoints().forEach(codePoint -> {
            if (Character.isLetterOrDigit(codePoint)) {
                regex.appendCodePoint(codePoint);
            } else {
                // An unpaired surrogate is no character (PCRE refuses it); stored text never holds one (TextCheck).
                int character = codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE
                        ? REPLACEMENT_CHARACTER : codePoint;
                regex.append("\\x{").append(Integer.toHexString(character)).append('}');
            }
        });
        return regex.toString();
    }
}
