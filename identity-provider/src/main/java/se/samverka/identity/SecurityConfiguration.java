package se.samverka.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;
import org.springframework.security.crypto.scrypt.SCryptPasswordEncoder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;
import se.samverka.platform.security.ProblemResponses;
import se.samverka.identity.account.AccountSessions;
import se.samverka.identity.account.Passwords;
import se.samverka.identity.client.MachineClientStore;
import se.samverka.identity.login.AccountAuthentication;
import se.samverka.identity.login.LoginSuccess;
import se.samverka.identity.login.LoginThrottle;
import se.samverka.identity.seed.SeedImport;
import se.samverka.platform.tokens.SecuritySettings;
import se.samverka.platform.tokens.Tokens;

/**
 * Four filter chains: the operator endpoints, the authorization server's protocol endpoints (discovery, JWKS,
 * authorize, token, userinfo, end-session), the accounts API (bearer tokens of this provider), then the pages, where
 * people log in with the form at {@code /login} and keep a session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The id of the current password hash: Argon2id, with Spring Security 5.8's parameters (16 MiB, 2 passes). */
    static final String CURRENT_HASH = "argon2@SpringSecurity_v5_8";

    /**
     * The pages load nothing from elsewhere: no scripts or frames; their own stylesheet, and images only as data (the
     * second factor's QR code).
     */
    private static final String PAGES_POLICY =
            "default-src 'none'; style-src 'self'; img-src data:; frame-ancestors 'none'; base-uri 'none'";

    /**
     * Whether the provider is up is anyone's (the runtime and the probes ask); its metrics are the coordinator's, as
     * the gateway's are (ADR 0012): a bearer token it issued, with the ADMIN role, as Prometheus gets one.
     */
    @Bean
    @Order(0)
    SecurityFilterChain operatorEndpoints(HttpSecurity http) throws Exception {
        JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(SamverkaClaims.ROLES);
        roles.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(roles);
        http.securityMatcher("/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(jwt ->
                        jwt.jwtAuthenticationConverter(authentication)))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(oidc -> oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(
                            SecurityConfiguration::userInfo)));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // The userinfo endpoint takes the access token as a bearer token.
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                // A browser that is not logged in goes to the login page; other callers get a 401.
                .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), browsers()))
                // A session a deactivation ended is logged out here too, before it is given a code.
                .sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredUrl("/login"));
        return http.build();
    }

    /**
     * The accounts API: a bearer token is checked if there is one (a bad one is a 401), and who may do what is
     * decided per account in the API itself, as in the services (ADR 0007). No cookies, so nothing to forge.
     */
    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, MessageSource messages, LocaleResolver locales) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages, locales);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginSuccess loginSuccess, SecurityContextRepository contexts,
                              SessionRegistry sessionRegistry) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", LoginSuccess.CODE_PAGE, "/error", "/css/**", "/invitation/**",
                                "/password-reset", "/password-reset/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(loginSuccess))
                .securityContext(context -> context.securityContextRepository(contexts))
                // Every session is known by whose it is, so that a deactivation ends them.
                .sessionManagement(sessions -> sessions.maximumSessions(-1).sessionRegistry(sessionRegistry)
                        .expiredUrl("/login"))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(PAGES_POLICY)));
        return http.build();
    }

    /** The one way a person logs in: the throttle, the password, then the account's status. */
    @Bean
    AccountAuthentication accountAuthentication(Passwords passwords, SeedImport seed, PasswordEncoder encoder,
                                                LoginThrottle throttle) {
        return new AccountAuthentication(passwords, seed, encoder, throttle);
    }

    @Bean
    LoginSuccess loginSuccess(SecurityContextRepository contexts, Passwords passwords, LoginThrottle throttle) {
        return new LoginSuccess(contexts, passwords, throttle);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    /** Tells the session registry of sessions that end, so it forgets them. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }

    /** The authorization server finds it by its type ({@code OAuth2AuthorizationService}). */
    @Bean
    Authorizations authorizationService() {
        return new Authorizations();
    }

    @Bean
    AccountSessions accountSessions(Authorizations authorizations, SessionRegistry sessionRegistry) {
        return new ProviderSessions(authorizations, sessionRegistry);
    }

    @Bean
    RegisteredClientRepository registeredClientRepository(MachineClientStore clients, SeedImport seed,
                                                           IdentitySettings settings) {
        return new AccountsClientRepository(clients, seed, settings);
    }

    /**
     * Every new password and secret is hashed with Argon2id; one in an older format still matches, and is hashed
     * anew the next time it does. {@code {noop}} is left as it is: only the built-in clients' secrets, given at every
     * start and kept by no one, are plain (the seed's are hashed on import).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        Map<String, PasswordEncoder> encoders = new LinkedHashMap<>();
        encoders.put(CURRENT_HASH, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("bcrypt", new BCryptPasswordEncoder());
        encoders.put("pbkdf2@SpringSecurity_v5_8", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("scrypt@SpringSecurity_v5_8", SCryptPasswordEncoder.defaultsForSpringSecurity_v5_8());
        encoders.put("noop", NoOpPasswordEncoder.getInstance());
        DelegatingPasswordEncoder delegate = new DelegatingPasswordEncoder(CURRENT_HASH, encoders);
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return delegate.encode(rawPassword);
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return delegate.matches(rawPassword, encodedPassword);
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return encodedPassword != null && !encodedPassword.startsWith("{noop}")
                        && delegate.upgradeEncoding(encodedPassword);
            }
        };
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> samverkaClaims(Passwords accounts, IdentitySettings settings) {
        return new SamverkaClaims(accounts, settings.audience());
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(IdentitySettings settings) {
        RSAKey key = settings.keyFile() == null ? SigningKeys.generate() : SigningKeys.loadOrCreate(settings.keyFile());
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /**
     * The provider's own tokens, as the services check them (issuer, audience, expiry, signature): for the accounts
     * API, the userinfo endpoint and the metrics. Its keys are at hand, not fetched.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys, IdentitySettings settings) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(Tokens.validator(new SecuritySettings(settings.issuer(), null, settings.audience(),
                SamverkaClaims.ROLES, SamverkaClaims.ORG, SamverkaClaims.NAME)));
        return decoder;
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentitySettings settings) {
        return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    StoreDefaults storeDefaults() {
        return new StoreDefaults();
    }

    /** The ID token's subject, name, roles and organisation: what the portal needs to know about the user. */
    private static OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        OidcIdToken idToken = context.getAuthorization().getToken(OidcIdToken.class).getToken();
        Map<String, Object> claims = new LinkedHashMap<>();
        for (String name : new String[] {StandardClaimNames.SUB, SamverkaClaims.NAME, SamverkaClaims.ROLES,
                SamverkaClaims.ORG}) {
            if (idToken.hasClaim(name)) {
                claims.put(name, idToken.getClaim(name));
            }
        }
        return new OidcUserInfo(claims);
    }

    private static MediaTypeRequestMatcher browsers() {
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return html;
    }
}
