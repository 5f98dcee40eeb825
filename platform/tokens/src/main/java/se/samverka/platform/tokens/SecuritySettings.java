package se.samverka.platform.tokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whose tokens the gateway and the services trust and how they read them ({@code samverka.security.*}): one setting
 * moves the whole platform to another identity provider. In production the issuer is the municipality's own identity
 * provider, whose claims may have other names.
 *
 * @param issuerUri  the issuer every token must name
 * @param jwkSetUri  where the issuer's signing keys are; by default the issuer's {@code /oauth2/jwks}
 * @param audience   what every token must be meant for
 * @param rolesClaim the claim with the caller's roles (a list, or one string)
 * @param orgClaim   the claim with the id of the organisation the caller acts for
 * @param nameClaim  the claim with the name histories record; the subject where it is absent
 */
@ConfigurationProperties("samverka.security")
public record SecuritySettings(
        @DefaultValue("http://localhost:9000") String issuerUri,
        String jwkSetUri,
        @DefaultValue("samverka") String audience,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("org") String orgClaim,
        @DefaultValue("name") String nameClaim) {

    /** The issuer without a trailing slash, to put its endpoints' paths after. */
    public String issuer() {
        return issuerUri.replaceAll("/+$", "");
    }

    public String effectiveJwkSetUri() {
        return jwkSetUri == null || jwkSetUri.isBlank() ? issuer() + "/oauth2/jwks" : jwkSetUri;
    }
}
