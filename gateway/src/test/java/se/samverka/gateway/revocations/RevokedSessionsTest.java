package se.samverka.gateway.revocations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;
import se.samverka.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/** A browser's session whose person the identity provider revoked ends at its next request. */
class RevokedSessionsTest {

    private static final ClientRegistration PORTAL = ClientRegistration.withRegistrationId("samverka")
            .clientId("samverka-portal").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("http://issuer/oauth2/authorize").tokenUri("http://issuer/oauth2/token").build();

    private final Revocations revocations = new Revocations();
    private final WebSessionServerOAuth2AuthorizedClientRepository clients =
            new WebSessionServerOAuth2AuthorizedClientRepository();
    private final RevokedSessions filter = new RevokedSessions(revocations, clients);

    @Test
    void aSessionWhosePersonWasDeactivatedEndsAndTheRequestGoesOnAsAnyones() {
        ServerWebExchange exchange = signedIn("anna@example.org");
        revoke("anna@example.org", Instant.now());

        assertThat(passOn(exchange)).as("who the rest of the request is").isNull();
        assertThat(session(exchange).isExpired()).as("the session ended").isTrue();
    }

    @Test
    void aSessionSignedInAfterTheRevocationGoesOn() {
        revoke("anna@example.org", Instant.now().minusSeconds(3600));
        ServerWebExchange exchange = signedIn("anna@example.org");

        assertThat(passOn(exchange)).isInstanceOf(OAuth2AuthenticationToken.class);
        assertThat(session(exchange).isExpired()).isFalse();
    }

    @Test
    void anotherPersonsSessionGoesOn() {
        ServerWebExchange exchange = signedIn("erik@example.org");
        revoke("anna@example.org", Instant.now());

        assertThat(passOn(exchange)).isInstanceOf(OAuth2AuthenticationToken.class);
        assertThat(session(exchange).isExpired()).isFalse();
    }

    /** A session holding the login and the access token the provider issued a minute ago, as TestTokens issues it. */
    private ServerWebExchange signedIn(String subject) {
        OAuth2AuthenticationToken login = new OAuth2AuthenticationToken(new DefaultOAuth2User(
                AuthorityUtils.createAuthorityList("OIDC_USER"), Map.of("sub", subject), "sub"),
                AuthorityUtils.createAuthorityList("OIDC_USER"), PORTAL.getRegistrationId());
        String token = TestTokens.token().subject(subject).role("STAFF").build();
        OAuth2AuthorizedClient client = new OAuth2AuthorizedClient(PORTAL, subject, new OAuth2AccessToken(
                OAuth2AccessToken.TokenType.BEARER, token, Instant.now().minusSeconds(60), Instant.now().plusSeconds(540)));
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/dashboard"))
                .mutate().principal(Mono.just(login)).build();
        clients.saveAuthorizedClient(client, login, exchange).block();
        return exchange;
    }

    private void revoke(String subject, Instant at) {
        revocations.take(JsonMapper.builder().build().readTree("""
                {"now":"%s","revocations":[{"subjectHash":"%s","at":"%s"}]}"""
                .formatted(Instant.now(), Revocations.hash(subject), at)));
    }

    /** Who the filters and the page after this one see, as the security context holds it. */
    private Authentication passOn(ServerWebExchange exchange) {
        AtomicReference<Authentication> seen = new AtomicReference<>();
        OAuth2AuthenticationToken login = (OAuth2AuthenticationToken) exchange.getPrincipal().block();
        filter.filter(exchange, next -> ReactiveSecurityContextHolder.getContext()
                        .map(SecurityContext::getAuthentication).doOnNext(seen::set).then())
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(login))
                .block();
        return seen.get();
    }

    private static WebSession session(ServerWebExchange exchange) {
        return exchange.getSession().block();
    }
}
