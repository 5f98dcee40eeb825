package se.samverka.identity.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import se.samverka.identity.revocation.Revocation;
import se.samverka.platform.tokens.Role;

/**
 * A person who logs in: personal data (name, e-mail), kept only in the identity provider's store, and erased when
 * the person asks or the retention rules say (see {@link Retention}).
 *
 * @param version            raised by every change; the account's ETag
 * @param username           what the person logs in with and the tokens' {@code sub}: the e-mail, in lower case, for
 *                           an invited person; a short name for the accounts of the seed
 * @param organisationId     the organisation the person acts for ({@code org} claim); null for a coordinator without
 * @param lead               an organisation's lead (STAFF only): invites and deactivates their colleagues
 * @param password           the hash, with its {@code {id}} prefix; null until the person sets one
 * @param secondFactorSecret the TOTP secret (Base32) once the person turned the second factor on; null when off
 * @param invitation         the invitation's link while the person has not accepted it
 * @param passwordReset      a password reset's link while unused
 * @param revocation         the last time the account's tokens were revoked (deactivated, erased)
 * @param log                who changed what, oldest first
 */
public record Account(
        String id,
        long version,
        String username,
        String name,
        String email,
        String organisationId,
        Role role,
        boolean lead,
        AccountStatus status,
        String password,
        String secondFactorSecret,
        OneTimeLink invitation,
        OneTimeLink passwordReset,
        Instant createdAt,
        Instant lastLoginAt,
        Instant deactivatedAt,
        Revocation revocation,
        List<LogEntry> log) {

    public Account {
        log = log == null ? List.of() : List.copyOf(log);
    }

    public boolean isActive() {
        return status == AccountStatus.ACTIVE;
    }

    public boolean hasSecondFactor() {
        return secondFactorSecret != null;
    }

    Account withVersion(long newVersion) {
        return new Account(id, newVersion, username, name, email, organisationId, role, lead, status, password,
                secondFactorSecret, invitation, passwordReset, createdAt, lastLoginAt, deactivatedAt, revocation, log);
    }

    Account logged(LogEntry entry) {
        List<LogEntry> longer = new ArrayList<>(log);
        longer.add(entry);
        return new Account(id, version, username, name, email, organisationId, role, lead, status, password,
                secondFactorSecret, invitation, passwordReset, createdAt, lastLoginAt, deactivatedAt, revocation,
                longer);
    }

    Account withLog(List<LogEntry> newLog) {
        return new Account(id, version, username, name, email, organisationId, role, lead, status, password,
                secondFactorSecret, invitation, passwordReset, createdAt, lastLoginAt, deactivatedAt, revocation,
                newLog);
    }

    Account withPassword(String encoded) {
        return new Account(id, version, username, name, email, organisationId, role, lead, status, encoded,
                secondFactorSecret, invitation, passwordReset, createdAt, lastLoginAt, deactivatedAt, revocation, log);
    }

    Account withLastLogin(Instant at) {
        return new Account(id, version, username, name, email, organisationId, role, lead, status, password,
                secondFactorSecret, invitation, passwordReset, createdAt, at, deactivatedAt, revocation, log);
    }

    Account withSecondFactor(String secret) {
        return new Account(id, version, username, name, email, organisationId, role, lead, status, password,
                secret, invitation, passwordReset, createdAt, lastLoginAt, deactivatedAt, revocation, log);
    }

    Account withInvitation(OneTimeLink link) {
        return new Account(id, version, username, name, email, organisationId, role, lead, status, password,
                secondFactorSecret, link, passwordReset, createdAt, lastLoginAt, deactivatedAt, revocation, log);
    }

    Account withPasswordReset(OneTimeLink link) {
        return new Account(id, version, username, name, email, organisationId, role, lead, status, password,
                secondFactorSecret, invitation, link, createdAt, lastLoginAt, deactivatedAt, revocation, log);
    }

    /** The invitation accepted: the password set, the link used up. */
    Account activated(String encodedPassword) {
        return new Account(id, version, username, name, email, organisationId, role, lead, AccountStatus.ACTIVE,
                encodedPassword, secondFactorSecret, null, passwordReset, createdAt, lastLoginAt, deactivatedAt,
                revocation, log);
    }

    Account changed(String newName, String newOrganisationId, Role newRole, boolean newLead) {
        return new Account(id, version, username, newName, email, newOrganisationId, newRole, newLead, status,
                password, secondFactorSecret, invitation, passwordReset, createdAt, lastLoginAt, deactivatedAt,
                revocation, log);
    }

    /** Links that could still set a password go too: a deactivated person must not be able to come back by one. */
    Account deactivated(Instant at) {
        return new Account(id, version, username, name, email, organisationId, role, lead, AccountStatus.DEACTIVATED,
                password, secondFactorSecret, null, null, createdAt, lastLoginAt, at, Revocation.of(username, at), log);
    }

    /** Active again if the person had a password; invited again (a new link is needed) if they never set one. */
    Account reactivated() {
        return new Account(id, version, username, name, email, organisationId, role, lead,
                password == null ? AccountStatus.INVITED : AccountStatus.ACTIVE, password, secondFactorSecret,
                invitation, passwordReset, createdAt, lastLoginAt, null, revocation, log);
    }

    /**
     * Everything that names the person goes: the name becomes their role and organisation, the username and e-mail
     * go, and so do the password, the second factor and every link. The tokens issued under the old username are
     * revoked.
     */
    Account erased(Instant at) {
        return new Account(id, version, "erased-" + id, standIn(), null, organisationId, role, lead,
                AccountStatus.ERASED, null, null, null, null, createdAt, lastLoginAt, deactivatedAt,
                Revocation.of(username, at), log);
    }

    /** What names the person once they are erased: their role and organisation, e.g. {@code STAFF, org-17}. */
    String standIn() {
        return organisationId == null ? role.name() : role.name() + ", " + organisationId;
    }
}
