package se.samverka.identity.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.samverka.identity.IdentitySettings;
import se.samverka.platform.test.MutableClock;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(settings(3, Duration.ofMinutes(5)), clock);

    @Test
    void aFewFailuresLockTheUsernameForAWhileWhetherOrNotAnAccountHasIt() {
        for (String username : List.of("anna", "nobody-at-all")) {
            throttle.failed(username);
            throttle.failed(username.toUpperCase());
            assertThat(throttle.locked(username)).isFalse();
            throttle.failed(" " + username);
            assertThat(throttle.locked(username)).as(username).isTrue();
        }

        clock.advance(Duration.ofMinutes(5));
        assertThat(throttle.locked("anna")).isFalse();
    }

    @Test
    void failuresFarApartAreForgivenAndASuccessForgetsThem() {
        throttle.failed("anna");
        throttle.failed("anna");
        clock.advance(Duration.ofMinutes(6));
        throttle.failed("anna");
        assertThat(throttle.locked("anna")).as("the first two were long ago").isFalse();

        throttle.failed("anna");
        throttle.succeeded("anna");
        throttle.failed("anna");
        assertThat(throttle.locked("anna")).isFalse();
    }

    @Test
    void failuresDuringALockOutDoNotProlongIt() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("anna");
        }
        clock.advance(Duration.ofMinutes(4));
        throttle.failed("anna");

        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.locked("anna")).isFalse();
    }

    static IdentitySettings settings(int maxFailures, Duration lockout) {
        return new IdentitySettings("http://localhost:9000", "samverka", (Path) null, Duration.ofMinutes(15),
                Duration.ofHours(8), null, null, null, List.of(), List.of(), URI.create("http://localhost:8080/"),
                Duration.ofDays(7), Duration.ofHours(24), "samverka@localhost",
                new IdentitySettings.Login(maxFailures, lockout),
                new IdentitySettings.Retention(Period.ofYears(2), Period.ofDays(30)));
    }
}
