package se.samverka.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in memory: each gateway instance limits what passes through it. Buckets that have
 * filled up again are forgotten once there are many, so clients that come once (or forge addresses) cannot grow the
 * map without end.
 */
class TokenBuckets {

    private static final int SWEEP_ABOVE = 10_000;
    private static final double NANOS = 1_000_000_000d;

    private final long capacity;
    private final double refillPerNano;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    TokenBuckets(RateLimitSettings settings, LongSupplier clock) {
        this.capacity = settings.capacity();
        this.refillPerNano = settings.refillPerSecond() / NANOS;
        this.clock = clock;
    }

    /** @return 0 when the request may pass, else the whole seconds to wait for the next token (at least 1) */
    long take(String client) {
        if (buckets.size() > SWEEP_ABOVE) {
            long now = clock.getAsLong();
            buckets.values().removeIf(bucket -> bucket.isFull(now));
        }
        return buckets.computeIfAbsent(client, key -> new Bucket(capacity, clock.getAsLong())).take(clock.getAsLong());
    }

    private final class Bucket {

        private double tokens;
        private long updatedAt;

        private Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / refillPerNano / NANOS));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updatedAt) * refillPerNano);
            updatedAt = now;
        }
    }
}
