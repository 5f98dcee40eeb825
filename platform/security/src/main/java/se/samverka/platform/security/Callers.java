package se.samverka.platform.security;

import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import se.samverka.platform.tokens.Role;
import se.samverka.platform.tokens.SecuritySettings;
import se.samverka.platform.tokens.Tokens;
import se.samverka.platform.web.AccessDeniedException;

/** Reads the caller of the current request from its validated access token. */
public class Callers {

    private final SecuritySettings settings;

    public Callers(SecuritySettings settings) {
        this.settings = settings;
    }

    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof JwtAuthenticationToken token ? of(token.getToken()) : Caller.ANONYMOUS;
    }

    /**
     * The current caller, if the rule allows it.
     *
     * @param reason the key of the text, in the problem bundles, that says who may
     * @throws AccessDeniedException 401 when nobody signed in, 403 when the caller's role does not allow it
     */
    public Caller require(Predicate<Caller> rule, String reason) {
        Caller caller = current();
        if (!rule.test(caller)) {
            throw new AccessDeniedException(!caller.isAnonymous(), reason);
        }
        return caller;
    }

    /** The caller a token speaks for; a token without a known role is treated as anonymous. */
    public Caller of(Jwt token) {
        Optional<Role> role = Tokens.role(token.getClaim(settings.rolesClaim()));
        if (role.isEmpty()) {
            return Caller.ANONYMOUS;
        }
        String name = token.getClaimAsString(settings.nameClaim());
        return new Caller(token.getSubject(), name == null || name.isBlank() ? token.getSubject() : name, role.get(),
                token.getClaimAsString(settings.orgClaim()));
    }
}
