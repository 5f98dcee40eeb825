package se.samverka.reporting.freshness;

import java.time.Instant;

/**
 * How fresh a report is.
 *
 * @param lastEventTime when the newest change the report includes happened; null before the first event
 * @param lagEvents     events on the topics the read models have not applied yet; null when the broker could not say
 * @param asOf          when the report was computed
 * @param generation    the generation of the read models it was computed from
 * @param rebuilding    whether a rebuild runs (the report still comes from the generation in use)
 */
public record Freshness(Instant lastEventTime, Long lagEvents, Instant asOf, int generation, boolean rebuilding) {
}
