package se.samverka.identity.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.samverka.identity.IdentitySettings;
import se.samverka.identity.account.Accounts;

/**
 * Slows down guessing: after {@code samverka.identity.login.max-failures} failed logins for one username, each within
 * {@code lockout} of the one before, that username's logins are refused for {@code lockout}, right password or not.
 * Counted per username as typed, whether or not an account has it, so the refusal says nothing about whether one
 * does. In memory: the provider runs once, and a restart forgetting a lock-out costs an attacker a restart.
 */
@Component
public class LoginThrottle {

    /** Enough usernames for every person of a municipality, and an attack on many names at once. */
    static final int CAPACITY = 10_000;

    private record Failures(int count, Instant last, Instant lockedUntil) {
    }

    private final int maxFailures;
    private final Duration lockout;
    private final Clock clock;
    private final Map<String, Failures> failures = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > CAPACITY;
        }
    };

    public LoginThrottle(IdentitySettings settings, Clock clock) {
        this.maxFailures = settings.login().maxFailures();
        this.lockout = settings.login().lockout();
        this.clock = clock;
    }

    public synchronized boolean locked(String username) {
        Failures seen = failures.get(key(username));
        return seen != null && seen.lockedUntil() != null && clock.instant().isBefore(seen.lockedUntil());
    }

    public synchronized void failed(String username) {
        String key = key(username);
        Instant now = clock.instant();
        Failures seen = failures.get(key);
        if (seen != null && seen.lockedUntil() != null && now.isBefore(seen.lockedUntil())) {
            return;
        }
        int count = seen == null || Duration.between(seen.last(), now).compareTo(lockout) > 0 ? 1 : seen.count() + 1;
        failures.put(key, count >= maxFailures ? new Failures(0, now, now.plus(lockout))
                : new Failures(count, now, null));
    }

    public synchronized void succeeded(String username) {
        failures.remove(key(username));
    }

    private static String key(String username) {
        return username == null ? "" : Accounts.normalised(username);
    }
}
