package se.samverka.gateway.identity;

import se.samverka.platform.tokens.Role;

/** Who the caller is, as {@code GET /api/me} tells it; an anonymous caller has only {@code authenticated: false}. */
public record Me(boolean authenticated, String subject, String name, Role role, String organisationId) {

    public static Me of(Caller caller) {
        return caller.isAnonymous() ? new Me(false, null, null, null, null)
                : new Me(true, caller.subject(), caller.name(), caller.role(), caller.organisationId());
    }
}
