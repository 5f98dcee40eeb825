package se.samverka.platform.tokens;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/** How the gateway and the services check an access token and read its role, so that both decide alike. */
public final class Tokens {

    private Tokens() {
    }

    /** Expiry, issuer and audience: a token meant for another API or from another issuer is not ours to accept. */
    public static OAuth2TokenValidator<Jwt> validator(SecuritySettings settings) {
        OAuth2TokenValidator<Jwt> audience = new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                audiences -> audiences != null && audiences.contains(settings.audience()));
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                audience);
    }

    /**
     * The strongest of the roles the claim names (a list, or one string; {@code ROLE_} prefixes and case ignored): a
     * coordinator who is also staff acts as ADMIN. Empty when it names none of the platform's.
     */
    public static Optional<Role> role(Object claim) {
        Stream<?> names = claim instanceof Collection<?> many ? many.stream()
                : claim == null ? Stream.empty() : Stream.of(claim);
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        names.map(name -> name.toString().strip().toUpperCase(Locale.ROOT).replaceFirst("^ROLE_", ""))
                .forEach(name -> Stream.of(Role.values()).filter(role -> role.name().equals(name)).forEach(roles::add));
        return roles.stream().findFirst();
    }
}
