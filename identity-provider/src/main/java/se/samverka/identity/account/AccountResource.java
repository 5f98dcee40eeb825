package se.samverka.identity.account;

import java.time.Instant;
import se.samverka.platform.tokens.Role;

/** An account as the API shows it: never its password, links or second factor's secret. */
public record AccountResource(
        String id,
        String username,
        String name,
        String email,
        String organisationId,
        Role role,
        boolean lead,
        AccountStatus status,
        boolean secondFactor,
        Instant createdAt,
        Instant lastLoginAt,
        long version) {

    static AccountResource of(Account account) {
        return new AccountResource(account.id(), account.username(), account.name(), account.email(),
                account.organisationId(), account.role(), account.lead(), account.status(), account.hasSecondFactor(),
                account.createdAt(), account.lastLoginAt(), account.version());
    }
}
