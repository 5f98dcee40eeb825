package se.samverka.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the identity provider is set up ({@code samverka.identity.*}).
 *
 * @param issuer                the {@code iss} of every token and the discovery document's issuer
 * @param audience              the {@code aud} of every access token; the services accept only this
 * @param keyFile               the RSA signing key as a JWK file, created on first start; none keeps the key in memory
 * @param accessTokenTtl        how long an access token lives
 * @param refreshTokenTtl       how long the portal's refresh token lives (about a working day)
 * @param accountsFile          JSON of users and machine clients, re-read when it changes; none means no accounts
 * @param runtimeClientSecret   plain secret of the built-in {@code samverka-runtime} client; unset disables it
 * @param portalClientSecret    plain secret of the built-in {@code samverka-portal} client; unset disables it
 * @param portalRedirectUris     where the portal (each of the gateways) receives the authorization code
 * @param postLogoutRedirectUris where the portal may send the browser after logout
 */
@ConfigurationProperties("samverka.identity")
public record IdentitySettings(
        @DefaultValue("http://localhost:9000") String issuer,
        @DefaultValue("samverka") String audience,
        Path keyFile,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("8h") Duration refreshTokenTtl,
        Path accountsFile,
        String runtimeClientSecret,
        String portalClientSecret,
        @DefaultValue("http://localhost:8080/login/oauth2/code/samverka") List<String> portalRedirectUris,
        @DefaultValue("http://localhost:8080/") List<String> postLogoutRedirectUris) {

    /** An empty command-line value ({@code --samverka.identity.runtime-client-secret=}) means "off", like no value. */
    boolean runtimeClientEnabled() {
        return StringUtils.hasText(runtimeClientSecret);
    }

    boolean portalClientEnabled() {
        return StringUtils.hasText(portalClientSecret);
    }
}
