package se.samverka.subscription.feed;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** One public project event in the Atom feed; its id is the event's, so hearing the event twice stores it once. */
@Document("public_feed")
public record FeedEntry(@Id String eventId, String projectId, String type, String title, String text, Instant time) {
}
