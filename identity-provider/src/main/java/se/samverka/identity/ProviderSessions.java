package se.samverka.identity;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.userdetails.UserDetails;
import se.samverka.identity.account.AccountSessions;

/**
 * Ends what a person holds at the provider: their authorizations (so their refresh tokens stop working) and their
 * login sessions at the provider's own pages (marked expired; the next request of such a session is logged out).
 */
final class ProviderSessions implements AccountSessions {

    private final Authorizations authorizations;
    private final SessionRegistry sessions;

    ProviderSessions(Authorizations authorizations, SessionRegistry sessions) {
        this.authorizations = authorizations;
        this.sessions = sessions;
    }

    @Override
    public void end(String username) {
        authorizations.removeAllOf(username);
        for (Object principal : sessions.getAllPrincipals()) {
            if (principal instanceof UserDetails user && user.getUsername().equals(username)) {
                sessions.getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
