package se.samverka.gateway.revocations;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.time.Instant;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Ends a browser's session whose access token's subject was revoked (the token issued at or before the revocation):
 * the session is invalidated and the request goes on as anyone's, so a page that needs a login sends the browser to
 * it and nothing is relayed with the revoked token. It belongs in the security filters once the session's login is
 * known, before what is allowed is decided.
 */
public class RevokedSessions implements WebFilter {

    private final Revocations revocations;
    private final ServerOAuth2AuthorizedClientRepository clients;

    public RevokedSessions(Revocations revocations, ServerOAuth2AuthorizedClientRepository clients) {
        this.revocations = revocations;
        this.clients = clients;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(OAuth2AuthenticationToken.class::isInstance)
                .cast(OAuth2AuthenticationToken.class)
                .flatMap(login -> clients.<OAuth2AuthorizedClient>loadAuthorizedClient(
                        login.getAuthorizedClientRegistrationId(), login, exchange))
                .filter(this::revoked)
                .flatMap(client -> exchange.getSession().flatMap(WebSession::invalidate).thenReturn(true))
                .defaultIfEmpty(false)
                .flatMap(ended -> ended
                        ? chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.clearContext())
                        : chain.filter(exchange));
    }

    /**
     * Read from the token itself, which the gateway got from the provider and kept: its subject and when it was issued.
     * A token that is no JWT cannot be told revoked here.
     */
    private boolean revoked(OAuth2AuthorizedClient client) {
        try {
            JWTClaimsSet claims = JWTParser.parse(client.getAccessToken().getTokenValue()).getJWTClaimsSet();
            Instant issuedAt = claims.getIssueTime() == null ? null : claims.getIssueTime().toInstant();
            return revocations.revoked(claims.getSubject(), issuedAt);
        } catch (ParseException notAJwt) {
            return false;
        }
    }
}
