package se.samverka.reporting.api;

import java.time.Instant;
import se.samverka.reporting.freshness.Freshness;
import se.samverka.reporting.funding.Funding;

/**
 * One project's figures as the reports have them, for the gateway's project view.
 *
 * @param funding       its funding lines summed, per currency and in SEK at the configured rates
 * @param activities    how many activities it held
 * @param participants  everyone counted at them
 * @param lastChangedAt when its latest event happened
 */
public record ProjectFigures(
        String projectId,
        String status,
        String health,
        Double score,
        Funding.Row funding,
        int activities,
        int participants,
        Instant lastChangedAt,
        Freshness freshness) {
}
