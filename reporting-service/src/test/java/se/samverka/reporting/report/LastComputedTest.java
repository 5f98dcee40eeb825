package se.samverka.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import se.samverka.reporting.report.LastComputed.Version;

class LastComputedTest {

    private Instant now = Instant.parse("2026-12-05T08:00:00Z");
    private final LastComputed<String> computed = new LastComputed<>(new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });
    private final AtomicInteger computations = new AtomicInteger();

    @Test
    void whatWasComputedIsGivenAgainWhileNothingChanged() {
        Version version = new Version(1, 7, 120L);

        assertThat(get("portfolio", version)).isEqualTo(new LastComputed.Result<>("portfolio #1", true));
        assertThat(get("portfolio", new Version(1, 7, 120L)))
                .isEqualTo(new LastComputed.Result<>("portfolio #1", false));
        assertThat(computations).hasValue(1);
    }

    @Test
    void anyChangeOfWhatItWasComputedFromComputesItAgain() {
        get("portfolio", new Version(1, 7, 120L));

        assertThat(get("portfolio", new Version(1, 8, 120L)).value()).as("this instance applied events")
                .isEqualTo("portfolio #2");
        assertThat(get("portfolio", new Version(1, 8, 121L)).value()).as("another instance of the group did")
                .isEqualTo("portfolio #3");
        assertThat(get("portfolio", new Version(2, 8, 121L)).value()).as("a rebuild's generation serves")
                .isEqualTo("portfolio #4");
        assertThat(get("portfolio", new Version(2, 8, null)).value()).as("the broker cannot say")
                .isEqualTo("portfolio #5");
        assertThat(get("portfolio", new Version(2, 8, null)).computedNow()).as("nor could it before").isFalse();
    }

    @Test
    void eachKeyIsItsOwnAndOnlyTheLastUsedAreKept() {
        Version version = new Version(1, 1, 1L);
        get("funding", version);
        for (int i = 0; i < LastComputed.KEPT; i++) {
            get("portfolio year " + i, version);
        }
        assertThat(get("portfolio year 0", version).computedNow()).isFalse();

        assertThat(get("funding", version).computedNow()).as("the one used longest ago went").isTrue();
    }

    @Test
    void whatWasComputedLongAgoIsComputedAgainForTheDateMovesItToo() {
        Version version = new Version(1, 7, 120L);
        get("portfolio", version);

        now = now.plus(LastComputed.MAX_AGE).minusSeconds(1);
        assertThat(get("portfolio", version).computedNow()).isFalse();
        now = now.plusSeconds(1);
        assertThat(get("portfolio", version).computedNow()).isTrue();
    }

    private LastComputed.Result<String> get(String key, Version version) {
        return computed.get(key, version, () -> key.split(" ")[0] + " #" + computations.incrementAndGet());
    }
}
