package se.samverka.gateway.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The buckets alone, with a clock the test moves and a share of the limit the test sets. */
class TokenBucketsTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong nanos = new AtomicLong();
    private double share = 1;
    private final TokenBuckets buckets = new TokenBuckets(new RateLimitSettings(4, 1, Set.of()), () -> share,
            nanos::get);

    @Test
    void aClientAloneGetsTheWholeBurstThenWaitsForTheRefill() {
        assertThat(taken("a", 4)).isEqualTo(4);
        assertThat(buckets.take("a")).as("seconds to wait").isEqualTo(1);
    }

    @Test
    void withTwoInstancesEachAllowsHalfAndRefillsAtHalfTheRate() {
        share = 0.5;

        assertThat(taken("a", 4)).isEqualTo(2);
        assertThat(buckets.take("a")).as("seconds to wait at half the rate").isEqualTo(2);
        nanos.addAndGet(2 * SECOND);
        assertThat(buckets.take("a")).isZero();
    }

    @Test
    void whenTheOtherInstanceIsGoneTheShareGrowsBack() {
        share = 0.5;
        taken("a", 2);
        share = 1;
        nanos.addAndGet(4 * SECOND);

        assertThat(taken("a", 5)).isEqualTo(4);
    }

    private int taken(String client, int tries) {
        int taken = 0;
        for (int i = 0; i < tries; i++) {
            if (buckets.take(client) == 0) {
                taken++;
            }
        }
        return taken;
    }
}
