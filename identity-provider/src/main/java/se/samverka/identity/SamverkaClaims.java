package se.samverka.identity;

import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the claims the services authorise on into every token: {@code name}, {@code roles}, {@code org} (left out
 * when there is none) in access and ID tokens, and {@code aud} = the Samverka audience in access tokens (ID tokens
 * keep the client id as their audience, as OpenID Connect requires).
 */
final class SamverkaClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    static final String NAME = "name";
    static final String ROLES = "roles";
    static final String ORG = "org";

    private final AccountsFile accounts;
    private final String audience;

    SamverkaClaims(AccountsFile accounts, String audience) {
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
        Identity identity = identity(context);
        var claims = context.getClaims();
        if (accessToken) {
            claims.audience(List.of(audience));
        }
        claims.claim(NAME, identity.name());
        claims.claim(ROLES, identity.roles());
        if (identity.org() != null) {
            claims.claim(ORG, identity.org());
        }
    }

    /**
     * A machine client speaks for itself; otherwise the token speaks for the logged-in user, read afresh so that a
     * refresh picks up changed roles, and a user removed from the accounts file can no longer refresh.
     */
    private Identity identity(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return AccountsClientRepository.identityOf(context.getRegisteredClient())
                    .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.UNAUTHORIZED_CLIENT));
        }
        return accounts.user(context.getPrincipal().getName())
                .map(AccountsFile.User::identity)
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
    }
}
