package se.samverka.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokensTest {

    private final List<String> verifications = new ArrayList<>();
    private final AtomicBoolean expired = new AtomicBoolean();
    private final OAuth2TokenValidator<Jwt> validator = jwt -> expired.get()
            ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Jwt expired", null))
            : OAuth2TokenValidatorResult.success();
    /** Verifies any token but "forged", and counts what it verified. */
    private final JwtDecoder verifying = token -> {
        verifications.add(token);
        if (token.equals("forged")) {
            throw new BadJwtException("Signed JWT rejected: Invalid signature");
        }
        return jwt(token);
    };

    @Test
    void aTokenIsVerifiedOnceAndCheckedAgainOnEveryUse() {
        JwtDecoder decoder = new VerifiedTokens(validator, 10).decoder(verifying);

        assertThat(decoder.decode("anna").getSubject()).isEqualTo("anna");
        assertThat(decoder.decode("anna").getSubject()).isEqualTo("anna");
        assertThat(verifications).containsExactly("anna");

        expired.set(true);
        assertThatThrownBy(() -> decoder.decode("anna")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("Jwt expired");
        assertThat(verifications).as("refused without verifying again").containsExactly("anna");

        expired.set(false);
        decoder.decode("anna");
        assertThat(verifications).as("an expired token was forgotten").containsExactly("anna", "anna");
    }

    @Test
    void aTokenThatFailsVerificationIsNeverKept() {
        JwtDecoder decoder = new VerifiedTokens(validator, 10).decoder(verifying);

        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).containsExactly("forged", "forged");
    }

    @Test
    void theLeastRecentlyUsedTokenLeavesFirst() {
        JwtDecoder decoder = new VerifiedTokens(validator, 2).decoder(verifying);

        decoder.decode("anna");
        decoder.decode("bertil");
        decoder.decode("anna");
        decoder.decode("cecilia");
        verifications.clear();
        decoder.decode("anna");
        decoder.decode("cecilia");
        decoder.decode("bertil");

        assertThat(verifications).containsExactly("bertil");
    }

    private static Jwt jwt(String subject) {
        Instant now = Instant.now();
        return new Jwt(subject, now, now.plusSeconds(600), Map.of("alg", "RS256"), Map.of("sub", subject));
    }
}
