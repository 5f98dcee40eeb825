package se.samverka.gateway.revocations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the gateway keeps of the identity provider's revocations, and which tokens that refuses. */
class RevocationsTest {

    private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Revocations revocations = new Revocations();

    @Test
    void namesASubjectAsTheProviderDoesByTheHexSha256OfItsSub() {
        assertThat(Revocations.hash("admin"))
                .isEqualTo("8c6976e5b5410415bde908bd4dee15dfb167a9c873fc4bb8a81f6f2ab448a918");
    }

    @Test
    void aTokenIssuedAtOrBeforeTheRevocationIsRevokedOneIssuedAfterIsNot() {
        assertThat(revocations.take(answer("2026-12-06T10:00:05Z", revocation("anna@example.org", AT))))
                .contains(Instant.parse("2026-12-06T10:00:05Z"));

        assertThat(revocations.revoked("anna@example.org", AT.minusSeconds(600))).isTrue();
        assertThat(revocations.revoked("anna@example.org", AT)).isTrue();
        assertThat(revocations.revoked("anna@example.org", null)).as("cannot show it came later").isTrue();
        assertThat(revocations.revoked("anna@example.org", AT.plusSeconds(1))).as("a new login").isFalse();
        assertThat(revocations.revoked("erik@example.org", AT.minusSeconds(600))).isFalse();
        assertThat(revocations.revoked(null, AT)).isFalse();
    }

    @Test
    void refusesARevokedSubjectsTokenAsAnInvalidOne() {
        revocations.take(answer("2026-12-06T10:00:05Z", revocation("partner-system", AT)));

        assertThat(revocations.validate(token("partner-system", AT.minusSeconds(60))).getErrors())
                .singleElement().satisfies(error -> assertThat(error.getErrorCode())
                        .isEqualTo(OAuth2ErrorCodes.INVALID_TOKEN));
        assertThat(revocations.validate(token("partner-system", AT.plusSeconds(60))).hasErrors()).isFalse();
        assertThat(revocations.validate(token("staff-cli", AT.minusSeconds(60))).hasErrors()).isFalse();
    }

    @Test
    void aLaterRevocationOfTheSameSubjectWinsAnEarlierOneListedAgainDoesNot() {
        revocations.take(answer("2026-12-06T10:00:05Z", revocation("anna@example.org", AT)));
        revocations.take(answer("2026-12-06T11:00:05Z", revocation("anna@example.org", AT.plusSeconds(3600))));
        revocations.take(answer("2026-12-06T11:00:15Z", revocation("anna@example.org", AT)));

        assertThat(revocations.revoked("anna@example.org", AT.plusSeconds(1800))).isTrue();
    }

    @Test
    void anAnswerThatCannotBeReadWholeChangesNothing() {
        String unreadable = """
                {"now":"2026-12-06T10:00:05Z","revocations":[%s,{"subjectHash":"%s","at":"yesterday"}]}"""
                .formatted(revocation("anna@example.org", AT), Revocations.hash("erik@example.org"));

        assertThat(revocations.take(JSON.readTree(unreadable))).isEmpty();
        assertThat(revocations.take(JSON.readTree("{\"revocations\":[]}"))).as("no now").isEmpty();
        assertThat(revocations.take(JSON.readTree("{\"now\":\"2026-12-06T10:00:05Z\",\"revocations\":["
                + "{\"subjectHash\":\"anna\",\"at\":\"2026-12-06T10:00:00Z\"}]}"))).as("no hash").isEmpty();
        assertThat(revocations.revoked("anna@example.org", AT.minusSeconds(60))).isFalse();
    }

    @Test
    void forgetsRevocationsOlderThanAnyTokenThatStillLives() {
        revocations.take(answer("2026-12-06T10:00:05Z", revocation("anna@example.org", AT),
                revocation("erik@example.org", AT.plusSeconds(3600))));

        revocations.forgetBefore(AT.plusSeconds(1));

        assertThat(revocations.revoked("anna@example.org", AT.minusSeconds(60))).isFalse();
        assertThat(revocations.revoked("erik@example.org", AT.minusSeconds(60))).isTrue();
    }

    private static JsonNode answer(String now, String... revocations) {
        return JSON.readTree("{\"now\":\"" + now + "\",\"revocations\":[" + String.join(",", revocations) + "]}");
    }

    private static String revocation(String subject, Instant at) {
        return "{\"subjectHash\":\"" + Revocations.hash(subject).toUpperCase(Locale.ROOT) + "\",\"at\":\"" + at + "\"}";
    }

    private static Jwt token(String subject, Instant issuedAt) {
        return new Jwt("token", issuedAt, issuedAt.plusSeconds(900), Map.of("alg", "RS256"),
                Map.of("sub", subject, "iat", issuedAt));
    }
}
