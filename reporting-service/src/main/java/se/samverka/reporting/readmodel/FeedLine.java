package se.samverka.reporting.readmodel;

import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;

/**
 * One line of the activity feed: an event worth telling, with what it needs to be told. Names of other aggregates
 * are not copied in (only their ids in {@code details}): they are looked up when the feed is read, so that the line
 * is the same whatever order the topics were read in.
 *
 * @param subject    the name or title of the aggregate as it was after the event
 * @param visibility that of the project or partnership after the event; null for organisations
 * @param details    what the line says beyond the type, e.g. {@code to: ONGOING}
 */
public record FeedLine(
        @Id String eventId,
        Instant time,
        String type,
        String aggregateId,
        String subject,
        String visibility,
        Map<String, String> details) {

    public FeedLine {
        details = Map.copyOf(details);
    }
}
