package se.samverka.subscription.register;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes. */
final class SigningSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SigningSecrets() {
    }

    static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
