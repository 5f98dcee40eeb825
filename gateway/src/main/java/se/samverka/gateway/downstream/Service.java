package se.samverka.gateway.downstream;

import java.util.Locale;

/** The services the gateway calls; each has its own circuit breaker, named by {@link #id()}. */
public enum Service {
    PARTNERSHIP, PROJECT, REPORTING, SUBSCRIPTION;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
