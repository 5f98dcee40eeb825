package se.samverka.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {

    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    private final RestartBackoff backoff = new RestartBackoff(RestartBackoff.Policy.DEFAULT);

    @Test
    void thePauseDoublesWithEachFailureInARowUpToThirtySeconds() {
        List<Duration> delays = new ArrayList<>();
        Instant now = START;
        for (int failure = 0; failure < 8; failure++) {
            // Up for a moment each time: never long enough to count as well again.
            backoff.ready(now);
            now = now.plusSeconds(5);
            delays.add(restart(backoff.failed(now)).delay());
        }

        assertThat(delays).extracting(Duration::toSeconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void aPartThatStayedUpForAMinuteStartsOverFromTheShortestPause() {
        backoff.failed(START);
        backoff.failed(START.plusSeconds(2));
        backoff.ready(START.plusSeconds(10));

        RestartBackoff.Restart afterAWhileUp = restart(backoff.failed(START.plusSeconds(70)));

        assertThat(afterAWhileUp.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(afterAWhileUp.inARow()).isEqualTo(1);
    }

    @Test
    void aPartUpForLessThanAMinuteIsStillFailingInARow() {
        backoff.failed(START);
        backoff.ready(START.plusSeconds(10));

        assertThat(restart(backoff.failed(START.plusSeconds(69))).delay()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aPartIsLeftDownAfterTenFailuresWithinTenMinutes() {
        Instant now = START;
        for (int failure = 1; failure < 10; failure++) {
            assertThat(backoff.failed(now)).as("failure %d", failure).isInstanceOf(RestartBackoff.Restart.class);
            now = now.plusSeconds(50);
        }

        assertThat(backoff.failed(now)).isEqualTo(new RestartBackoff.GiveUp(10, Duration.ofMinutes(10)));
    }

    @Test
    void failuresLongAgoNoLongerCountTowardsGivingUp() {
        Instant now = START;
        for (int failure = 0; failure < 30; failure++) {
            // One failure every 70 s: a slow crash loop, never ten within ten minutes.
            assertThat(backoff.failed(now)).isInstanceOf(RestartBackoff.Restart.class);
            now = now.plusSeconds(70);
        }
    }

    @Test
    void aDeliberateStartForgetsTheFailures() {
        Instant now = START;
        for (int failure = 0; failure < 9; failure++) {
            backoff.failed(now);
            now = now.plusSeconds(1);
        }

        backoff.reset();

        RestartBackoff.Restart next = restart(backoff.failed(now));
        assertThat(next.delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(next.inARow()).isEqualTo(1);
    }

    @Test
    void aPolicyWhoseCapIsBelowItsFirstPauseIsRefused() {
        assertThatThrownBy(() -> new RestartBackoff.Policy(Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMinutes(1), 3, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static RestartBackoff.Restart restart(RestartBackoff.Decision decision) {
        assertThat(decision).isInstanceOf(RestartBackoff.Restart.class);
        return (RestartBackoff.Restart) decision;
    }
}
