package se.samverka.identity.revocation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The tokens of a subject (a person's username, a machine client's id) issued at or before {@code at} are no longer
 * to be accepted. The subject travels only as its SHA-256, so the feed that lists revocations names no one.
 *
 * @param subjectHash the hex SHA-256 of the token's {@code sub}
 * @param at          to the millisecond, as the store keeps it
 */
public record Revocation(String subjectHash, Instant at) {

    public static Revocation of(String subject, Instant at) {
        return new Revocation(hash(subject), at.truncatedTo(ChronoUnit.MILLIS));
    }

    public static String hash(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /**
     * When a token of the subject issued now says it was issued: tokens carry whole seconds, and one issued in the
     * second of a revocation, after it, would otherwise read as issued before it. Such a token says the next second.
     */
    public static Instant issuedAfter(Revocation revocation, Instant issuedAt) {
        if (revocation == null) {
            return issuedAt;
        }
        Instant second = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        return second.isAfter(revocation.at()) ? issuedAt
                : revocation.at().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }
}
