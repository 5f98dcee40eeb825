package se.samverka.gateway.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.tokens.SecuritySettings;
import se.samverka.platform.tokens.Tokens;

/**
 * Reads the caller of a request from its access token: the bearer token it came with, or the one its session holds
 * (refreshed when expired). A session's identity is read from the access token rather than the ID token because
 * the roles and the organisation are claims of the access token, which the services read too.
 */
@Component
public class Callers {

    private static final Logger log = LoggerFactory.getLogger(Callers.class);

    private final SecuritySettings settings;
    private final ReactiveOAuth2AuthorizedClientManager clients;
    private final ReactiveJwtDecoder decoder;

    Callers(SecuritySettings settings, ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder decoder) {
        this.settings = settings;
        this.clients = clients;
        this.decoder = decoder;
    }

    public Mono<Caller> current(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .flatMap(principal -> {
                    if (principal instanceof JwtAuthenticationToken bearer) {
                        return Mono.just(of(bearer.getToken(),
                                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION)));
                    }
                    if (principal instanceof OAuth2AuthenticationToken login) {
                        return fromSession(login, exchange);
                    }
                    return Mono.<Caller>empty();
                })
                .defaultIfEmpty(Caller.ANONYMOUS);
    }

    private Mono<Caller> fromSession(OAuth2AuthenticationToken login, ServerWebExchange exchange) {
        return clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(login.getAuthorizedClientRegistrationId())
                        .principal(login)
                        .attribute(ServerWebExchange.class.getName(), exchange)
                        .build())
                .map(OAuth2AuthorizedClient::getAccessToken)
                .flatMap(token -> decoder.decode(token.getTokenValue())
                        .map(jwt -> of(jwt, "Bearer " + token.getTokenValue()))
                        .onErrorResume(failure -> {
                            // Relayed all the same: the services are the ones to refuse it.
                            log.warn("The session's access token does not validate here: {}", failure.toString());
                            return Mono.just(new Caller(login.getName(), login.getName(), null, null,
                                    "Bearer " + token.getTokenValue()));
                        }));
    }

    Caller of(Jwt token, String authorization) {
        Role role = Tokens.role(token.getClaim(settings.rolesClaim())).orElse(null);
        if (role == null) {
            return new Caller(token.getSubject(), token.getSubject(), null, null, authorization);
        }
        String name = token.getClaimAsString(settings.nameClaim());
        return new Caller(token.getSubject(), name == null || name.isBlank() ? token.getSubject() : name, role,
                token.getClaimAsString(settings.orgClaim()), authorization);
    }
}
