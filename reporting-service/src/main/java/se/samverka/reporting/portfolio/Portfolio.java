package se.samverka.reporting.portfolio;

import java.time.Instant;
import java.util.Map;

/**
 * The portfolio at a glance: how many organisations, partnerships and projects there are, broken down.
 *
 * @param lastEventTime when the newest change these figures include happened (null before the first)
 * @param asOf          when the figures were taken
 */
public record Portfolio(Counts organisations, Counts partnerships, Counts projects, Instant lastEventTime, Instant asOf) {

    /**
     * @param by the breakdown's dimension, e.g. {@code status}
     */
    public record Counts(long total, String by, Map<String, Long> counts) {
    }
}
