package se.samverka.identity.client;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import se.samverka.identity.revocation.Revocation;
import se.samverka.platform.tokens.Role;

/**
 * A partner's own system, or a script: it gets tokens with client_credentials, for its role and organisation.
 *
 * @param clientId   also its id in the store, and its tokens' {@code sub}
 * @param secret     the hash of its secret, with its {@code {id}} prefix; the secret itself is shown once
 * @param rotatedAt  when the secret was last replaced; null while it is the first
 * @param revocation the last time its tokens were revoked (rotated, deactivated)
 */
public record MachineClient(
        @Id String clientId,
        long version,
        String name,
        String organisationId,
        Role role,
        ClientStatus status,
        String secret,
        Instant createdAt,
        Instant rotatedAt,
        Revocation revocation) {

    public boolean isActive() {
        return status == ClientStatus.ACTIVE;
    }

    MachineClient withVersion(long newVersion) {
        return new MachineClient(clientId, newVersion, name, organisationId, role, status, secret, createdAt, rotatedAt,
                revocation);
    }

    public MachineClient withSecret(String encoded) {
        return new MachineClient(clientId, version, name, organisationId, role, status, encoded, createdAt, rotatedAt,
                revocation);
    }

    /** A new secret; every token issued under the old one is revoked. */
    MachineClient rotated(String encoded, Instant at) {
        return new MachineClient(clientId, version, name, organisationId, role, status, encoded, createdAt, at,
                Revocation.of(clientId, at));
    }

    MachineClient deactivated(Instant at) {
        return new MachineClient(clientId, version, name, organisationId, role, ClientStatus.DEACTIVATED, secret,
                createdAt, rotatedAt, Revocation.of(clientId, at));
    }
}
