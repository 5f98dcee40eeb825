package se.samverka.identity.account;

import java.security.SecureRandom;
import java.util.Base64;
import se.samverka.identity.revocation.Revocation;

/**
 * The tokens of one-time links: 256 random bits, of which the store keeps only the SHA-256. A fast hash suffices
 * where nobody chose the secret: no list of guesses can find 256 random bits.
 */
public final class LinkTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LinkTokens() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String token) {
        return Revocation.hash(token);
    }
}
