package se.samverka.identity.login;

import java.util.Optional;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverka.identity.account.Account;
import se.samverka.identity.account.LinkTokens;
import se.samverka.identity.account.Passwords;
import se.samverka.identity.seed.SeedImport;

/**
 * The accounts of the store, as logins read them; a username the store lacks sends the seed to be read again, if it
 * changed. Not a bean: a UserDetailsService bean would give Spring Security a second way to log in, past
 * {@link AccountAuthentication}. A password checked in an older format than the current one is stored anew, hashed as new ones are.
 */
final class AccountUserDetails implements UserDetailsService, UserDetailsPasswordService {

    private final Passwords passwords;
    private final SeedImport seed;
    /** What an account without a password is checked against: as slow as a real one, and matched by nothing. */
    private final String unusable;

    AccountUserDetails(Passwords passwords, SeedImport seed, PasswordEncoder encoder) {
        this.passwords = passwords;
        this.seed = seed;
        this.unusable = encoder.encode(LinkTokens.generate());
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<Account> account = passwords.byUsername(username);
        if (account.isEmpty() && seed.importIfChanged()) {
            account = passwords.byUsername(username);
        }
        return account.map(found -> new AccountUser(found, found.password() == null ? unusable : found.password()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }

    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        passwords.upgrade(user.getUsername(), newPassword);
        return loadUserByUsername(user.getUsername());
    }
}
