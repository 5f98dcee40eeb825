package se.samverka.identity;

import java.time.Instant;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import se.samverka.identity.account.Account;
import se.samverka.identity.account.Passwords;
import se.samverka.identity.revocation.Revocation;

/**
 * Puts the claims the services authorise on into every token: {@code name}, {@code roles}, {@code org} (left out
 * when there is none) in access and ID tokens, and {@code aud} = the Samverka audience in access tokens (ID tokens
 * keep the client id as their audience, as OpenID Connect requires).
 */
final class SamverkaClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String NAME = "name";
    static final String ROLES = "roles";
    static final String ORG = "org";

    /** Whom a token speaks for, and when their tokens were last revoked. */
    private record Subject(Identity identity, Revocation revocation) {
    }

    private final Passwords accounts;
    private final String audience;

    SamverkaClaims(Passwords accounts, String audience) {
        this.accounts = accounts;
        this.audience = audience;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        Subject subject = subject(context);
        Identity identity = subject.identity();
        var claims = context.getClaims();
        if (accessToken) {
            claims.audience(List.of(audience));
        }
        claims.claim(NAME, identity.name());
        claims.claim(ROLES, identity.roles());
        if (identity.org() != null) {
            claims.claim(ORG, identity.org());
        }
        claims.claims(all -> all.computeIfPresent(JwtClaimNames.IAT,
                (name, issuedAt) -> Revocation.issuedAfter(subject.revocation(), (Instant) issuedAt)));
    }

    /**
     * A machine client speaks for itself; otherwise the token speaks for the logged-in person, read afresh so that a
     * refresh picks up a changed role, and a person whose account is no longer active can no longer refresh.
     */
    private Subject subject(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            Identity identity = AccountsClientRepository.identityOf(context.getRegisteredClient())
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT));
            return new Subject(identity, AccountsClientRepository.revocationOf(context.getRegisteredClient()));
        }
        Account account = accounts.byUsername(context.getPrincipal().getName()).filter(Account::isActive)
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
        return new Subject(new Identity(account.name(), List.of(account.role().name()), account.organisationId()),
                account.revocation());
    }
}
