package se.samverka.partnership.broker.interest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import se.samverka.reference.GlobalTheme;
import se.samverka.reference.Sector;
import se.samverka.reference.Visibility;

/**
 * An interest as the API shows it, with its organisation's name.
 *
 * @param statedBy who stated it; only for the organisation itself and the municipality
 */
public record InterestResource(
        String id,
        long version,
        String organisationId,
        String organisationName,
        Direction direction,
        List<Purpose> purposes,
        String title,
        String summary,
        List<String> countries,
        List<String> regions,
        List<GlobalTheme> themes,
        List<String> growthAreas,
        List<Sector> sectors,
        String projectId,
        LocalDate validUntil,
        Visibility visibility,
        InterestStatus status,
        Instant statedAt,
        String statedBy) {
}
