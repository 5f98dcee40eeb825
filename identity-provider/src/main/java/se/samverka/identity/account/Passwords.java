package se.samverka.identity.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import se.samverka.identity.IdentitySettings;
import se.samverka.identity.mail.Mailer;
import se.samverka.identity.mail.Mails;
import se.samverka.platform.web.NotFoundException;

/**
 * What a person does with their own account, on the provider's pages: accept an invitation by choosing a password,
 * use a password reset's link, change the password with the current one, turn the second factor on and off. And what
 * a login leaves behind: when it was, and the password's hash brought up to date.
 */
@Service
public class Passwords {

    private static final Logger log = LoggerFactory.getLogger(Passwords.class);
    /** How soon a link asked for on the login page may be mailed again. */
    private static final Duration RESET_MAIL_INTERVAL = Duration.ofMinutes(1);

    private final AccountStore store;
    private final Accounts accounts;
    private final AccountSessions sessions;
    private final PasswordEncoder encoder;
    private final Mailer mailer;
    private final IdentitySettings settings;
    private final Clock clock;

    public Passwords(AccountStore store, Accounts accounts, AccountSessions sessions, PasswordEncoder encoder,
                     Mailer mailer, IdentitySettings settings, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.encoder = encoder;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<Account> byUsername(String username) {
        return store.byUsername(Accounts.normalised(username));
    }

    /** The invited account whose link this is, while the link is valid. */
    public Optional<Account> invitation(String token) {
        return store.byInvitation(LinkTokens.hash(token))
                .filter(account -> account.status() == AccountStatus.INVITED)
                .filter(account -> !account.invitation().expired(clock.instant()));
    }

    /** Sets the first password: the account is active, and the link used up. */
    public Account acceptInvitation(String token, String password) {
        Account invited = invitation(token).orElseThrow(() -> new NotFoundException("not-found.link"));
        requireAllowed(invited, password);
        String encoded = encoder.encode(password);
        Account active = accounts.update(invited.id(), null, account -> {
            if (!invited.invitation().equals(account.invitation()) || account.status() != AccountStatus.INVITED) {
                throw new NotFoundException("not-found.link");
            }
            return account.activated(encoded).logged(self(account, LogAction.ACTIVATED, "invitation accepted"));
        });
        log.info("Account {} accepted its invitation", active.id());
        return active;
    }

    /** The account whose password reset link this is, while the link is valid. */
    public Optional<Account> passwordReset(String token) {
        return store.byPasswordReset(LinkTokens.hash(token))
                .filter(Account::isActive)
                .filter(account -> !account.passwordReset().expired(clock.instant()));
    }

    /** Sets a new password with a reset link; every session of the person ends, since someone else may hold one. */
    public Account resetPassword(String token, String password) {
        Account reset = passwordReset(token).orElseThrow(() -> new NotFoundException("not-found.link"));
        requireAllowed(reset, password);
        String encoded = encoder.encode(password);
        Account changed = accounts.update(reset.id(), null, account -> {
            if (!reset.passwordReset().equals(account.passwordReset()) || !account.isActive()) {
                throw new NotFoundException("not-found.link");
            }
            return account.withPassword(encoded).withPasswordReset(null)
                    .logged(self(account, LogAction.PASSWORD_CHANGED, "with a reset link"));
        });
        sessions.end(changed.username());
        return changed;
    }

    /**
     * A person who forgot their password asks for a link by e-mail (or username). It is mailed to the account's
     * e-mail where there is mail, at most once a minute (nobody fills a mailbox by asking again and again); whoever
     * asks learns nothing either way, not even whether the account exists.
     */
    public void requestReset(String emailOrUsername) {
        if (!mailer.configured() || emailOrUsername == null || emailOrUsername.isBlank()) {
            return;
        }
        String wanted = Accounts.normalised(emailOrUsername);
        Instant now = clock.instant();
        Optional<Account> found = store.byEmail(wanted).or(() -> store.byUsername(wanted))
                .filter(Account::isActive)
                .filter(account -> account.email() != null)
                .filter(account -> account.passwordReset() == null || account.passwordReset().expiresAt()
                        .minus(settings.passwordResetTtl()).isBefore(now.minus(RESET_MAIL_INTERVAL)));
        if (found.isEmpty()) {
            return;
        }
        String token = LinkTokens.generate();
        Instant expiresAt = now.plus(settings.passwordResetTtl());
        Account account = accounts.update(found.get().id(), null, current -> current
                .withPasswordReset(new OneTimeLink(LinkTokens.hash(token), expiresAt))
                .logged(self(current, LogAction.PASSWORD_RESET, "requested on the login page")));
        mailer.send(Mails.passwordReset(account.id(), account.email(), account.name(),
                settings.base() + "/password-reset/" + token, expiresAt));
    }

    /** @throws InvalidPasswordException when the current password is wrong or the new one is refused */
    public Account changePassword(String username, String current, String password) {
        Account account = active(username);
        if (current == null || account.password() == null || !encoder.matches(current, account.password())) {
            throw new InvalidPasswordException("password.current-wrong");
        }
        requireAllowed(account, password);
        String encoded = encoder.encode(password);
        return accounts.update(account.id(), null, read -> read.withPassword(encoded)
                .logged(self(read, LogAction.PASSWORD_CHANGED, "with the current password")));
    }

    public Account turnOnSecondFactor(String username, String secret) {
        Account account = active(username);
        return accounts.update(account.id(), null, read -> read.withSecondFactor(secret)
                .logged(self(read, LogAction.SECOND_FACTOR_ON, null)));
    }

    public Account turnOffSecondFactor(String username) {
        Account account = active(username);
        return accounts.update(account.id(), null, read -> read.withSecondFactor(null)
                .logged(self(read, LogAction.SECOND_FACTOR_OFF, null)));
    }

    /** A successful login. */
    public void loggedIn(String username) {
        Instant now = clock.instant();
        accounts.update(active(username).id(), null, read -> read.withLastLogin(now));
    }

    /** The hash of a password that was just verified, in the current algorithm. */
    public void upgrade(String username, String encoded) {
        byUsername(username).ifPresent(account -> accounts.update(account.id(), null,
                read -> read.withPassword(encoded)));
    }

    private Account active(String username) {
        return byUsername(username).filter(Account::isActive)
                .orElseThrow(() -> new NotFoundException("not-found.account", username));
    }

    private static void requireAllowed(Account account, String password) {
        PasswordRules.problem(password, account.username(), account.email()).ifPresent(problem -> {
            throw new InvalidPasswordException(problem);
        });
    }

    private LogEntry self(Account account, LogAction action, String details) {
        return new LogEntry(clock.instant(), account.username(), account.id(), action, details);
    }
}
