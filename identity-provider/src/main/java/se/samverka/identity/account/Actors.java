package se.samverka.identity.account;

import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import se.samverka.identity.client.MachineClientStore;
import se.samverka.identity.revocation.Revocation;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;

/**
 * Finds the {@link Actor} of the current request from its bearer token. A token of a person whose account is no
 * longer active, or of a subject whose tokens were revoked after it was issued, counts as none: the provider refuses
 * at once what the gateway refuses once it has read the revocations.
 */
@Component
public class Actors {

    private final Callers callers;
    private final AccountStore accounts;
    private final MachineClientStore clients;

    public Actors(Callers callers, AccountStore accounts, MachineClientStore clients) {
        this.callers = callers;
        this.accounts = accounts;
        this.clients = clients;
    }

    public Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return Actor.ANONYMOUS;
        }
        Jwt jwt = token.getToken();
        Caller caller = callers.of(jwt);
        if (caller.isAnonymous()) {
            return Actor.ANONYMOUS;
        }
        var account = accounts.byUsername(jwt.getSubject());
        if (account.isPresent()) {
            return account.get().isActive() && !revoked(account.get().revocation(), jwt.getIssuedAt())
                    ? Actor.of(account.get()) : Actor.ANONYMOUS;
        }
        // A machine client of the store, or one of the built-in ones, which the store does not know.
        var client = clients.byClientId(jwt.getSubject());
        if (client.isPresent() && (!client.get().isActive() || revoked(client.get().revocation(), jwt.getIssuedAt()))) {
            return Actor.ANONYMOUS;
        }
        return new Actor(caller, null);
    }

    /** The rule the gateway applies to the revocations feed: a token issued at or before a revocation is refused. */
    static boolean revoked(Revocation revocation, Instant issuedAt) {
        return revocation != null && (issuedAt == null || !issuedAt.isAfter(revocation.at()));
    }
}
