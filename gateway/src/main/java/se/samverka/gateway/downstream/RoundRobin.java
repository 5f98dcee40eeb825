package se.samverka.gateway.downstream;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One service's instances, taken in turn. An instance that refused a connection rests a while: the calls meanwhile go
 * to the others, unless all of them rest, when each is tried as before.
 */
final class RoundRobin {

    private final List<URI> instances;
    private final Duration rest;
    private final Clock clock;
    private final AtomicInteger turn = new AtomicInteger();
    private final Map<URI, Instant> restingUntil = new ConcurrentHashMap<>();

    RoundRobin(List<URI> instances, Duration rest, Clock clock) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a service needs at least one address");
        }
        this.instances = List.copyOf(instances);
        this.rest = rest;
        this.clock = clock;
    }

    /** The instance whose turn it is, or the first after it that does not rest. */
    URI next() {
        Instant now = clock.instant();
        int turn = this.turn.getAndIncrement();
        for (int offset = 0; offset < instances.size(); offset++) {
            URI candidate = instances.get(Math.floorMod(turn + offset, instances.size()));
            Instant until = restingUntil.get(candidate);
            if (until == null || !now.isBefore(until)) {
                return candidate;
            }
        }
        return instances.get(Math.floorMod(turn, instances.size()));
    }

    /** The instance after this one, in the order the instances are given. */
    URI after(URI instance) {
        return instances.get((instances.indexOf(instance) + 1) % instances.size());
    }

    void refused(URI instance) {
        restingUntil.put(instance, clock.instant().plus(rest));
    }

    int size() {
        return instances.size();
    }
}
