package se.samverka.platform.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

class TokensTest {

    private static final SecuritySettings SETTINGS = new SecuritySettings("https://idp.ostersund.se/", null, "samverka",
            "roles", "org", "name");

    @Test
    void theStrongestKnownRoleCountsWhateverTheClaimsShape() {
        assertThat(Tokens.role(List.of("PARTNER", "admin"))).contains(Role.ADMIN);
        assertThat(Tokens.role("ROLE_staff")).contains(Role.STAFF);
        assertThat(Tokens.role(List.of("VIEWER", " company "))).contains(Role.COMPANY);
        assertThat(Tokens.role(List.of("VIEWER"))).isEmpty();
        assertThat(Tokens.role(null)).isEmpty();
    }

    @Test
    void aTokenMustBeOursInIssuerAudienceAndTime() {
        assertThat(Tokens.validator(SETTINGS).validate(token("https://idp.ostersund.se/", "samverka", 60)).hasErrors())
                .isFalse();
        assertThat(Tokens.validator(SETTINGS).validate(token("https://idp.ostersund.se/", "another-api", 60))
                .hasErrors()).as("another audience").isTrue();
        assertThat(Tokens.validator(SETTINGS).validate(token("https://elsewhere.example/", "samverka", 60))
                .hasErrors()).as("another issuer").isTrue();
        assertThat(Tokens.validator(SETTINGS).validate(token("https://idp.ostersund.se/", "samverka", -600))
                .hasErrors()).as("expired").isTrue();
    }

    @Test
    void theKeysAreAtTheIssuerUnlessSaidOtherwise() {
        assertThat(SETTINGS.effectiveJwkSetUri()).isEqualTo("https://idp.ostersund.se/oauth2/jwks");
        assertThat(new SecuritySettings("https://idp", "https://keys/jwks", "a", "r", "o", "n").effectiveJwkSetUri())
                .isEqualTo("https://keys/jwks");
    }

    private static Jwt token(String issuer, String audience, long secondsLeft) {
        Instant now = Instant.now();
        return new Jwt("t", now.minusSeconds(900), now.plusSeconds(secondsLeft), Map.of("alg", "RS256"),
                Map.of("iss", issuer, "aud", List.of(audience), "sub", "anna"));
    }
}
