package se.samverka.identity.account;

import java.time.Instant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import se.samverka.identity.client.MachineClientStore;
import se.samverka.identity.revocation.Revocation;
import se.samverka.platform.security.Caller;
import se.samverka.platform.security.Callers;

/**
 * Finds the {@link Actor} of the current request from its bearer token. A token of a person whose account is no
 * longer active, of a client that may no longer get tokens, or of a subject whose tokens were revoked after it was
 * issued, counts as none: the provider refuses at once what the gateway refuses once it has read the revocations.
 */
@Component
public class Actors {

    private final Callers callers;
    private final AccountStore accounts;
    private final MachineClientStore clients;
    private final RegisteredClientRepository registeredClients;

    public Actors(Callers callers, AccountStore accounts, MachineClientStore clients,
                  RegisteredClientRepository registeredClients) {
        this.callers = callers;
        this.accounts = accounts;
        this.clients = clients;
        this.registeredClients = registeredClients;
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
        // A client that may get tokens now: one of the built-in ones, or an active one of the store. Any other subject
        // is no one's any more (an erased person's old username, say).
        if (registeredClients.findByClientId(jwt.getSubject()) == null) {
            return Actor.ANONYMOUS;
        }
        var client = clients.byClientId(jwt.getSubject());
        if (client.isPresent() && revoked(client.get().revocation(), jwt.getIssuedAt())) {
            return Actor.ANONYMOUS;
        }
        return new Actor(caller, null);
    }

    /** The rule the gateway applies to the revocations feed: a token issued at or before a revocation is refused. */
    static boolean revoked(Revocation revocation, Instant issuedAt) {
        return revocation != null && (issuedAt == null || !issuedAt.isAfter(revocation.at()));
    }
}
