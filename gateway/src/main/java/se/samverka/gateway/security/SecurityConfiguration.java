package se.samverka.gateway.security;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.AuthorizationCodeReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.DelegatingReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.RefreshTokenReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.MediaTypeServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import se.samverka.gateway.Problems;
import se.samverka.gateway.revocations.Revocations;
import se.samverka.gateway.revocations.RevokedSessions;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.tokens.SecuritySettings;
import se.samverka.platform.tokens.Tokens;
import se.samverka.platform.tokens.VerifiedTokens;

/**
 * Two ways in: an API client with a bearer token, validated here as the services validate it, and a browser with a
 * session cookie after the login at the identity provider, whose tokens stay in the gateway. Without either a
 * request goes on anonymous: the services decide per object what anonymous callers may see, so nothing here is
 * closed by path.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

    static final String REGISTRATION_ID = "samverka";
    /** The portal's pages for signed-in readers; a browser opening one is sent to the login and then back. */
    private static final String[] PAGES_NEEDING_LOGIN = {"/dashboard", "/dashboard/**", "/reports", "/projects/new",
            "/projects/*/edit", "/partnerships/new", "/partnerships/*/edit", "/organisations/new", "/organisations/*/edit",
            "/subscriptions", "/subscriptions/**", "/operations", "/operations/**", "/calls/new", "/calls/*/edit",
            "/interests", "/interests/**", "/introductions", "/introductions/**", "/accounts", "/accounts/**",
            "/machine-clients", "/machine-clients/**"};
    private static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    /** Also refuses a token whose subject the identity provider revoked since it was issued, remembered or not. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(SecuritySettings settings, Revocations revocations) {
        // Keys are fetched at the first token, so the gateway starts before its identity provider does.
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSetUri(settings.effectiveJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(Tokens.validator(settings),
                revocations);
        decoder.setJwtValidator(validator);
        VerifiedTokens verified = new VerifiedTokens(validator, VerifiedTokens.CAPACITY);
        return token -> Mono.defer(() -> verified.recall(token).map(Mono::just)
                .orElseGet(() -> decoder.decode(token).map(jwt -> verified.remember(token, jwt))));
    }

    /** Set out in full rather than discovered, so the gateway starts while the identity provider is still down. */
    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(SecuritySettings security, PortalSettings portal) {
        String issuer = security.issuer();
        return new InMemoryReactiveClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(portal.clientId())
                .clientSecret(portal.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile")
                .issuerUri(security.issuerUri())
                .authorizationUri(issuer + "/oauth2/authorize")
                .tokenUri(issuer + "/oauth2/token")
                .jwkSetUri(security.effectiveJwkSetUri())
                .userInfoUri(issuer + "/userinfo")
                .userNameAttributeName("sub")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", portal.effectiveEndSessionUri(security)))
                .clientName("Samverka")
                .build());
    }

    /** The browser's tokens live in its server-side session and end with it. */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClients() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** Gives the session's access token to TokenRelay and the views, refreshed with the refresh token when expired. */
    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(new DelegatingReactiveOAuth2AuthorizedClientProvider(
                new AuthorizationCodeReactiveOAuth2AuthorizedClientProvider(),
                new RefreshTokenReactiveOAuth2AuthorizedClientProvider()));
        return manager;
    }

    /** Also answers the requests the firewall refuses (an encoded slash, a NUL, a dot segment) as a problem. */
    @Bean
    SecurityProblems securityProblems(Problems problems) {
        return new SecurityProblems(problems);
    }

    @Bean
    ServerWebExchangeFirewall firewall() {
        return new AddressFirewall();
    }

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder decoder,
                                                  ReactiveClientRegistrationRepository registrations,
                                                  ServerOAuth2AuthorizedClientRepository clients,
                                                  Revocations revocations, SecuritySettings settings,
                                                  SecurityProblems answers) {
        return http
                // The portal's own pages need a login; the operator's endpoints the coordinator, except whether the
                // gateway is up, which the launcher and any health check ask without a token; everything else is
                // decided by the services, per object.
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(PAGES_NEEDING_LOGIN).authenticated()
                        .pathMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator", "/actuator/**").hasRole(Role.ADMIN.name())
                        .anyExchange().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(roleAuthorities(settings)))
                        .authenticationEntryPoint(answers)
                        .accessDeniedHandler(answers))
                .oauth2Login(login -> login.loginPage("/login"))
                // A session whose person was deactivated ends before anything is decided or relayed for it.
                .addFilterAfter(new RevokedSessions(revocations, clients),
                        SecurityWebFiltersOrder.SECURITY_CONTEXT_SERVER_WEB_EXCHANGE)
                .logout(logout -> logout.logoutSuccessHandler(logoutAtProvider(registrations)))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(entryPoint(answers))
                        .accessDeniedHandler(answers))
                .csrf(csrf -> csrf
                        .csrfTokenRepository(CookieServerCsrfTokenRepository.withHttpOnlyFalse())
                        // The header carries the cookie's value as it is (no per-response masking to undo).
                        .csrfTokenRequestHandler(new ServerCsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfiguration::changeBySessionCookie)
                        .accessDeniedHandler(answers))
                .headers(headers -> headers
                        .frameOptions(frame -> frame.mode(Mode.DENY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicy(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .writer(new ContentSecurityPolicy(settings.issuer())))
                .build();
    }

    /**
     * A bearer token's role as the authority {@code ROLE_<role>}, read as the services read it, for the operator's
     * endpoints and the health details they show only to the coordinator.
     */
    private static ReactiveJwtAuthenticationConverterAdapter roleAuthorities(SecuritySettings settings) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> Tokens.role(jwt.getClaim(settings.rolesClaim()))
                .<Collection<GrantedAuthority>>map(role -> List.of(new SimpleGrantedAuthority("ROLE_" + role.name())))
                .orElse(List.of()));
        return new ReactiveJwtAuthenticationConverterAdapter(converter);
    }

    /**
     * Only a cookie can be forged across sites: a request that names its bearer token, or that comes without a
     * session, carries no credential a forger could borrow.
     */
    private static Mono<ServerWebExchangeMatcher.MatchResult> changeBySessionCookie(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        boolean safe = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || method == HttpMethod.TRACE;
        if (safe || bearer(exchange)) {
            return ServerWebExchangeMatcher.MatchResult.notMatch();
        }
        return exchange.getSession().flatMap(session -> session.isStarted()
                ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch());
    }

    static boolean bearer(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** A browser opening a page that needs a login is sent to it; an API client gets 401 and is never redirected. */
    private static DelegatingServerAuthenticationEntryPoint entryPoint(SecurityProblems answers) {
        MediaTypeServerWebExchangeMatcher html = new MediaTypeServerWebExchangeMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        ServerWebExchangeMatcher page = new AndServerWebExchangeMatcher(html,
                new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers("/api/**")));
        DelegatingServerAuthenticationEntryPoint entryPoint = new DelegatingServerAuthenticationEntryPoint(
                new DelegateEntry(page, new RedirectServerAuthenticationEntryPoint("/login")));
        entryPoint.setDefaultEntryPoint(answers);
        return entryPoint;
    }

    /** Ends the session at the identity provider too (OIDC RP-initiated logout), then comes back to the start. */
    private static OidcClientInitiatedServerLogoutSuccessHandler logoutAtProvider(
            ReactiveClientRegistrationRepository registrations) {
        OidcClientInitiatedServerLogoutSuccessHandler handler =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/");
        handler.setLogoutSuccessUrl(URI.create("/"));
        return handler;
    }
}
