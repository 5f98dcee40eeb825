package se.samverka.identity.login;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import se.samverka.identity.account.Account;

/**
 * A person as a login sees them. Always enabled and unlocked for Spring Security: whether the account may log in is
 * decided only after the password was checked ({@link AccountAuthentication}), so that a deactivated account answers
 * as slowly, and as vaguely, as a wrong password.
 */
final class AccountUser extends User {

    private final boolean active;
    private final boolean secondFactor;

    AccountUser(Account account, String password) {
        super(account.username(), password, List.of(new SimpleGrantedAuthority(account.role().name())));
        this.active = account.isActive();
        this.secondFactor = account.hasSecondFactor();
    }

    boolean active() {
        return active;
    }

    boolean secondFactor() {
        return secondFactor;
    }
}
