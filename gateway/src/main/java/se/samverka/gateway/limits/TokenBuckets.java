package se.samverka.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * One token bucket per client, in memory: each gateway instance limits what passes through it to its share of the
 * platform's limit, so that a client whose requests are spread over the instances gets the limit in all (ADR 0024).
 * Buckets that have filled up again are forgotten once there are many, so clients that come once (or forge
 * addresses) cannot grow the map without end.
 */
class TokenBuckets {

    private static final int SWEEP_ABOVE = 10_000;
    private static final double NANOS = 1_000_000_000d;

    private final long capacity;
    private final double refillPerNano;
    private final DoubleSupplier share;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param share this instance's part of the limit, between 0 and 1, as it is now */
    TokenBuckets(RateLimitSettings settings, DoubleSupplier share, LongSupplier clock) {
        this.capacity = settings.capacity();
        this.refillPerNano = settings.refillPerSecond() / NANOS;
        this.share = share;
        this.clock = clock;
    }

    /** @return 0 when the request may pass, else the whole seconds to wait for the next token (at least 1) */
    long take(String client) {
        double part = share.getAsDouble();
        if (buckets.size() > SWEEP_ABOVE) {
            long now = clock.getAsLong();
            buckets.values().removeIf(bucket -> bucket.isFull(now, part));
        }
        return buckets.computeIfAbsent(client, key -> new Bucket(capacity * part, clock.getAsLong()))
                .take(clock.getAsLong(), part);
    }

    private final class Bucket {

        private double tokens;
        private long updatedAt;

        private Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updatedAt = now;
        }

        synchronized long take(long now, double part) {
            refill(now, part);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / (refillPerNano * part) / NANOS));
        }

        synchronized boolean isFull(long now, double part) {
            refill(now, part);
            return tokens >= capacity * part;
        }

        private void refill(long now, double part) {
            tokens = Math.min(capacity * part, tokens + (now - updatedAt) * refillPerNano * part);
            updatedAt = now;
        }
    }
}
