package se.samverka.reporting.feed;

import java.time.Instant;
import java.util.List;
import se.samverka.reporting.freshness.Freshness;

/** The latest events, newest first, as lines a person reads. */
public record ActivityFeed(List<Line> lines, Freshness freshness) {

    /**
     * @param type       the event's type, e.g. se.samverka.project.statusChanged
     * @param visibility that of the project or partnership; null for organisations
     */
    public record Line(String eventId, Instant time, String type, String aggregateId, String visibility, String text,
                       String textEn) {
    }
}
