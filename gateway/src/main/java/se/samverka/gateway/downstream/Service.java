package se.samverka.gateway.downstream;

import java.util.List;
import java.util.Locale;

/** The services the gateway calls; each has its own circuit breaker, named by {@link #id()}. */
public enum Service {
    PARTNERSHIP, PROJECT, REPORTING, SUBSCRIPTION,
    /** The identity provider's accounts API, at its issuer: it keeps no events, so it has no operator API. */
    IDENTITY;

    /** Samverka's own services, each with its health, metrics and operator API (dead letters, rebuilds). */
    public static final List<Service> OPERATED = List.of(PARTNERSHIP, PROJECT, REPORTING, SUBSCRIPTION);

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
