package se.samverka.platform.security;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;
import se.samverka.platform.tokens.SecuritySettings;
import se.samverka.platform.tokens.Tokens;
import se.samverka.platform.tokens.VerifiedTokens;
import se.samverka.platform.web.CurrentActor;
import se.samverka.platform.web.WebAutoConfiguration;

/**
 * Every service is an OAuth2 resource server. A request may come without a token (anonymous: reads of what is public)
 * or with a valid one; a token that is expired, meant for another audience, from another issuer, signed by another
 * key or not signed at all is refused with 401 whatever the request. Reading is open at this level and decided per
 * object in the services; changing anything needs a valid token.
 */
// Before Boot's own security: its defaults (a form login, a generated user, session CSRF) back off when these exist.
@AutoConfiguration(before = {WebAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class,
        UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(SecuritySettings settings) {
        // Keys are fetched at the first token, so a service starts before its identity provider does.
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(settings.effectiveJwkSetUri())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        OAuth2TokenValidator<Jwt> validator = Tokens.validator(settings);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(validator, VerifiedTokens.CAPACITY).decoder(decoder);
    }

    @Bean
    @ConditionalOnMissingBean
    Callers callers(SecuritySettings settings) {
        return new Callers(settings);
    }

    @Bean
    OperatorAccess operatorAccess(Callers callers) {
        return new OperatorAccess(callers);
    }

    /** Histories record the signed-in caller's name. */
    @Bean
    CurrentActor currentActor(Callers callers) {
        return () -> callers.current().name();
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, MessageSource messages,
                                            LocaleResolver locales) throws Exception {
        ProblemResponses problems = new ProblemResponses(messages, locales);
        return http
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // No cookies, no sessions: a request carries its bearer token, so there is nothing to forge.
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.decoder(decoder))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .build();
    }
}
