package se.samverka.identity;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;

/**
 * How the identity provider is set up ({@code samverka.identity.*}).
 *
 * @param issuer                 the {@code iss} of every token and the discovery document's issuer; also where the
 *                               links of invitations and password resets point
 * @param audience               the {@code aud} of every access token; the services accept only this
 * @param keyFile                the RSA signing key as a JWK file, created on first start; none keeps it in memory
 * @param accessTokenTtl         how long an access token lives
 * @param refreshTokenTtl        how long the portal's refresh token lives (about a working day)
 * @param accountsFile           the seed: JSON of users and machine clients, each imported into the store once, when
 *                               the store does not have it yet (at start, and when a login names one it lacks); none
 *                               means nothing to import
 * @param runtimeClientSecret    plain secret of the built-in {@code samverka-runtime} client; unset disables it
 * @param portalClientSecret     plain secret of the built-in {@code samverka-portal} client; unset disables it
 * @param portalRedirectUris     where the portal (each of the gateways) receives the authorization code
 * @param postLogoutRedirectUris where the portal may send the browser after logout
 * @param portalUrl              the portal, where a person goes once their password is set
 * @param invitationTtl          how long an invitation's link may be used
 * @param passwordResetTtl       how long a password reset's link may be used
 * @param mailFrom               the sender of invitations and password resets (mailed where {@code spring.mail.host}
 *                               is set)
 * @param login                  how failed logins are slowed down
 * @param retention              how long personal data of accounts is kept
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
        @DefaultValue("http://localhost:8080/") List<String> postLogoutRedirectUris,
        @DefaultValue("http://localhost:8080/") URI portalUrl,
        @DefaultValue("7d") Duration invitationTtl,
        @DefaultValue("24h") Duration passwordResetTtl,
        @DefaultValue("samverka@localhost") String mailFrom,
        @DefaultValue Login login,
        @DefaultValue Retention retention) {

    /**
     * @param maxFailures failed attempts for one username, within {@code lockout} of each other, before its logins are
     *                    refused for {@code lockout}
     * @param lockout     how long; a success ends it early only when it is over
     */
    public record Login(@DefaultValue("5") int maxFailures, @DefaultValue("5m") Duration lockout) {
    }

    /**
     * @param deactivated           a deactivated account is erased this long after its deactivation
     * @param unacceptedInvitations an invitation never accepted is erased this long after its link expired
     */
    public record Retention(@DefaultValue("P2Y") Period deactivated, @DefaultValue("P30D") Period unacceptedInvitations) {
    }

    /** An empty command-line value ({@code --samverka.identity.runtime-client-secret=}) means "off", like no value. */
    boolean runtimeClientEnabled() {
        return StringUtils.hasText(runtimeClientSecret);
    }

    boolean portalClientEnabled() {
        return StringUtils.hasText(portalClientSecret);
    }

    /** The issuer without a trailing slash, to put a page's path after. */
    public String base() {
        return issuer.replaceAll("/+$", "");
    }
}
