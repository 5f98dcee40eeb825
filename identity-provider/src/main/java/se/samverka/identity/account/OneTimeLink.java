package se.samverka.identity.account;

import java.time.Instant;

/**
 * A link that sets a password once (an invitation, a password reset), as the store keeps it: only the SHA-256 of its
 * token, so a copy of the store opens no account.
 */
public record OneTimeLink(String tokenHash, Instant expiresAt) {

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
