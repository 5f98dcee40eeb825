package se.samverka.platform.tokens;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Access tokens whose signature was verified already. A client sends the same token with every request for its
 * lifetime, and verifying its RS256 signature is most of what a request costs the gateway and a service on the quick
 * compiler (big-integer arithmetic without the second compiler's intrinsics). So a token is verified once; each later
 * request with it is checked again against the validator (expiry, issuer, audience), which is cheap, and a token that
 * fails it is forgotten. Only verified tokens are kept, the least recently used leaving first once there are
 * {@code capacity}; a token stays accepted until it expires even if its signing key is withdrawn meanwhile, as a
 * token is anyway until it expires.
 */
public final class VerifiedTokens {

    /** Enough for every person and machine client of a municipality signed in at once. */
    public static final int CAPACITY = 4096;

    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified;

    public VerifiedTokens(OAuth2TokenValidator<Jwt> validator, int capacity) {
        this.validator = validator;
        this.verified = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > capacity;
            }
        };
    }

    /** A decoder that verifies a token with the given one only the first time it sees it. */
    public JwtDecoder decoder(JwtDecoder verifying) {
        return token -> recall(token).orElseGet(() -> remember(token, verifying.decode(token)));
    }

    /**
     * The token as it was verified, if it was and still is valid; empty if it was not verified before.
     *
     * @throws JwtValidationException if it was verified but is no longer valid (it expired)
     */
    public Optional<Jwt> recall(String token) {
        Jwt jwt;
        synchronized (verified) {
            jwt = verified.get(token);
        }
        if (jwt == null) {
            return Optional.empty();
        }
        OAuth2TokenValidatorResult result = validator.validate(jwt);
        if (result.hasErrors()) {
            synchronized (verified) {
                verified.remove(token);
            }
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: "
                    + result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return Optional.of(jwt);
    }

    /** Keeps a token that its decoder verified and validated; returns it. */
    public Jwt remember(String token, Jwt jwt) {
        synchronized (verified) {
            verified.put(token, jwt);
        }
        return jwt;
    }
}
