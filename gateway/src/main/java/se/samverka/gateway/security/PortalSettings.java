package se.samverka.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import se.samverka.platform.tokens.SecuritySettings;

/**
 * The gateway as the portal's OAuth2 client at the identity provider ({@code samverka.portal.*}).
 *
 * @param clientId       the confidential client registered for the portal
 * @param clientSecret   its secret; given at start, never in the repository
 * @param endSessionUri  where RP-initiated logout goes; by default Spring Authorization Server's
 *                       {@code /connect/logout} at the issuer
 */
@ConfigurationProperties("samverka.portal")
public record PortalSettings(
        @DefaultValue("samverka-portal") String clientId,
        String clientSecret,
        String endSessionUri) {

    public String effectiveEndSessionUri(SecuritySettings security) {
        return endSessionUri == null || endSessionUri.isBlank() ? security.issuer() + "/connect/logout" : endSessionUri;
    }
}
