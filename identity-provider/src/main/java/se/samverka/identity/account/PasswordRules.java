package se.samverka.identity.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a new password must be: long (12 characters or more, up to 200), not the person's username or e-mail (nor
 * contain it), not one of the passwords everybody tries first, and not one character over and over. Length is what
 * protects; composition rules (a digit, a capital) are left out, as NIST SP 800-63B advises.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    /** The commonest passwords of twelve characters and more, and ones anyone would try here. */
    private static final Set<String> COMMON = Set.of(
            "123456789012", "1234567890123", "12345678901234", "123456123456", "111111111111", "000000000000",
            "qwertyuiop123", "qwertyuiopasdf", "qwertyuiopå", "qwertyuiopåä", "asdfghjklöä", "1q2w3e4r5t6y",
            "password1234", "password12345", "passwordpassword", "iloveyou1234", "abcdefghijkl", "abc123abc123",
            "lösenord1234", "losenord1234", "lösenordlösenord", "sommar2024!!", "sommar2025!!", "sommar2026!!",
            "vinter2025!!", "vinter2026!!", "välkommen123", "valkommen123", "välkommen2026", "samverka1234",
            "samverkasamverka", "östersund123", "ostersund123", "östersund2026", "ostersund2026", "jämtland1234",
            "jamtland1234", "letmein12345", "welcome12345", "changeme1234");

    private PasswordRules() {
    }

    /**
     * @param names the person's username and e-mail (either may be null)
     * @return the key of the text that says what is wrong with the password, if anything
     */
    public static Optional<String> problem(String password, String... names) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("password.too-short");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        for (String name : names) {
            if (name != null && !name.isBlank() && (lower.contains(name.toLowerCase(Locale.ROOT))
                    || lower.contains(localPart(name)))) {
                return Optional.of("password.names-you");
            }
        }
        if (COMMON.contains(lower) || lower.codePoints().distinct().count() == 1) {
            return Optional.of("password.common");
        }
        return Optional.empty();
    }

    /** An e-mail's part before the {@code @}, where it is long enough to mean the person. */
    private static String localPart(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int at = lower.indexOf('@');
        return at >= 4 ? lower.substring(0, at) : lower;
    }
}
