package se.samverka.reporting.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The tries alone, with pauses the test only notes. */
class RetriesTest {

    private final List<Duration> paused = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private final Retries retries = new Retries(Duration.ofSeconds(5), Duration.ofSeconds(30), paused::add);

    @Test
    void workThatFailsIsDoneAgainAfterLongerAndLongerPausesUpToTheLongest() {
        AtomicInteger attempts = new AtomicInteger();

        boolean done = retries.untilDone(() -> true, () -> {
            if (attempts.incrementAndGet() < 6) {
                throw new IllegalStateException("store busy " + attempts.get());
            }
        }, (failure, pause) -> failures.add(failure.getMessage() + " then " + pause.toSeconds() + " s"));

        assertThat(done).isTrue();
        assertThat(attempts).hasValue(6);
        assertThat(paused).extracting(Duration::toSeconds).containsExactly(5L, 10L, 20L, 30L, 30L);
        assertThat(failures).first().isEqualTo("store busy 1 then 5 s");
    }

    @Test
    void workNoLongerWantedIsLeft() {
        AtomicInteger attempts = new AtomicInteger();

        boolean done = retries.untilDone(() -> attempts.get() < 2, () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("store busy");
        }, (failure, pause) -> failures.add(failure.getMessage()));

        assertThat(done).isFalse();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void workDoneAtOnceNeverPauses() {
        assertThat(retries.untilDone(() -> true, () -> { }, (failure, pause) -> failures.add("unexpected"))).isTrue();
        assertThat(paused).isEmpty();
        assertThat(failures).isEmpty();
    }
}
