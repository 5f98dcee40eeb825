package se.samverka.identity.account;

import java.util.Objects;
import se.samverka.platform.security.Caller;
import se.samverka.platform.tokens.Role;

/**
 * Who makes a request of the accounts API: the caller its token names, and the caller's account when a person calls
 * (machine clients have none). A person's role, organisation and lead come from their account as it is now, not as
 * the token said when it was issued.
 */
public record Actor(Caller caller, Account account) {

    public static final Actor ANONYMOUS = new Actor(Caller.ANONYMOUS, null);

    public static Actor of(Account account) {
        return new Actor(new Caller(account.username(), account.name(), account.role(), account.organisationId()),
                account);
    }

    public boolean isAnonymous() {
        return caller.isAnonymous();
    }

    public boolean isAdmin() {
        return caller.is(Role.ADMIN);
    }

    /** An organisation's lead: STAFF of it, marked as its lead. */
    public boolean isLeadOf(String organisationId) {
        return account != null && account.role() == Role.STAFF && account.lead() && organisationId != null
                && organisationId.equals(account.organisationId());
    }

    public boolean isLead() {
        return account != null && isLeadOf(account.organisationId());
    }

    public boolean is(Account other) {
        return account != null && account.id().equals(other.id());
    }

    /** What the log records as who did it. */
    public String by() {
        return Objects.requireNonNullElse(caller.subject(), caller.name());
    }

    public String byAccountId() {
        return account == null ? null : account.id();
    }
}
