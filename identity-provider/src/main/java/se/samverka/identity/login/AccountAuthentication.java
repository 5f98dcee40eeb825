package se.samverka.identity.login;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import se.samverka.identity.account.Passwords;
import se.samverka.identity.seed.SeedImport;

/**
 * A login with username and password: refused while the username is locked out ({@link LoginThrottle}), then the
 * password checked, then the account's status, so that every refusal reads alike: wrong username or password.
 */
public class AccountAuthentication implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    public AccountAuthentication(Passwords accounts, SeedImport seed, PasswordEncoder encoder, LoginThrottle throttle) {
        AccountUserDetails users = new AccountUserDetails(accounts, seed, encoder);
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(encoder);
        this.passwords.setUserDetailsPasswordService(users);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        if (throttle.locked(username)) {
            throw new BadCredentialsException("Locked out for a while");
        }
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.failed(username);
            throw new BadCredentialsException("Bad credentials", e);
        }
        if (!(authenticated.getPrincipal() instanceof AccountUser user) || !user.active()) {
            throttle.failed(username);
            throw new BadCredentialsException("Bad credentials");
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
