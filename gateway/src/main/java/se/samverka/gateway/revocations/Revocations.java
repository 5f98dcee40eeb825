package se.samverka.gateway.revocations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The subjects the identity provider revoked (a person deactivated or erased, a machine client's secret rotated or the
 * client deactivated), each with when: a token of such a subject issued at or before then is no longer accepted,
 * though it has not expired. The provider names a subject only by the SHA-256 of its {@code sub}, so its list holds
 * no personal data. As a token validator it refuses such bearer tokens as it would an invalid one.
 */
@Component
public class Revocations implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error REVOKED = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token's subject was revoked", null);

    /** When each subject was revoked, by the hex SHA-256 of its {@code sub}. */
    private final Map<String, Instant> revoked = new ConcurrentHashMap<>();

    /**
     * Whether a token of this subject, issued then, is revoked. One without an issue time is, if its subject is: it
     * cannot show it came later.
     */
    public boolean revoked(String subject, Instant issuedAt) {
        // Asked for every token of every request: most of the time nothing is revoked, and nothing need be hashed.
        Instant at = subject == null || revoked.isEmpty() ? null : revoked.get(hash(subject));
        return at != null && (issuedAt == null || !issuedAt.isAfter(at));
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        return revoked(token.getSubject(), token.getIssuedAt()) ? OAuth2TokenValidatorResult.failure(REVOKED)
                : OAuth2TokenValidatorResult.success();
    }

    /**
     * Keeps what an answer of {@code GET /api/accounts/revocations} lists: all of it, or nothing of an answer that
     * cannot be read whole.
     *
     * @return the answer's {@code now}, from which to ask next; empty when it cannot be read
     */
    Optional<Instant> take(JsonNode answer) {
        Map<String, Instant> listed = new HashMap<>();
        try {
            Instant now = Instant.parse(answer.path("now").asString(""));
            for (JsonNode revocation : answer.path("revocations")) {
                String subjectHash = revocation.path("subjectHash").asString("");
                if (!subjectHash.matches("[0-9a-fA-F]{64}")) {
                    return Optional.empty();
                }
                listed.merge(subjectHash.toLowerCase(Locale.ROOT), Instant.parse(revocation.path("at").asString("")),
                        Revocations::later);
            }
            listed.forEach((subjectHash, at) -> revoked.merge(subjectHash, at, Revocations::later));
            return Optional.of(now);
        } catch (DateTimeParseException unreadable) {
            return Optional.empty();
        }
    }

    /** Forgets the revocations made before then: every token they concern has expired. */
    void forgetBefore(Instant then) {
        revoked.values().removeIf(at -> at.isBefore(then));
    }

    /** How the provider names a subject: the hex SHA-256 of its {@code sub}, lower case. */
    static String hash(String subject) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Instant later(Instant one, Instant other) {
        return one.isAfter(other) ? one : other;
    }
}
