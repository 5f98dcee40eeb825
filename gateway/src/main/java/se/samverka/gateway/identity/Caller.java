package se.samverka.gateway.identity;

import se.samverka.platform.tokens.Role;

/**
 * Who sends a request, as its access token says, and the Authorization header that speaks for it downstream.
 *
 * @param role          null for an anonymous caller, or a token without a known role
 * @param authorization the caller's {@code Authorization} header as it came, or {@code Bearer} with the session's
 *                      access token; null without either
 */
public record Caller(String subject, String name, Role role, String organisationId, String authorization) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, null, null);

    public boolean isAnonymous() {
        return role == null;
    }

    public boolean isMunicipality() {
        return role == Role.ADMIN || role == Role.STAFF;
    }
}
