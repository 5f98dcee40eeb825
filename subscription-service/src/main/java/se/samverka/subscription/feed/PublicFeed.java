package se.samverka.subscription.feed;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import se.samverka.platform.security.Caller;
import se.samverka.project.contracts.ActivityRecorded;
import se.samverka.project.contracts.FundingLineAdded;
import se.samverka.project.contracts.FundingLineChanged;
import se.samverka.project.contracts.ProjectStatusChanged;
import se.samverka.subscription.project.Disclosure;
import se.samverka.subscription.project.FollowedEvent;
import se.samverka.subscription.project.FollowedEventListener;
import se.samverka.subscription.project.ProjectEvent;

/**
 * The events of PUBLIC projects that anyone may read, kept for the Atom feed, with a Swedish line for each. Funding
 * calls' events are not: the feed is the public projects', each entry a link to its project.
 */
@Component
@Order(2)
class PublicFeed implements FollowedEventListener {

    static final int LATEST = 50;
    private static final Map<String, String> WHAT = Map.ofEntries(
            Map.entry("se.samverka.project.registered", "nytt projekt"),
            Map.entry("se.samverka.project.updated", "projektet har uppdaterats"),
            Map.entry("se.samverka.project.statusChanged", "ny status"),
            Map.entry("se.samverka.project.healthChanged", "nytt läge"),
            Map.entry("se.samverka.project.partnerAdded", "ny partner"),
            Map.entry("se.samverka.project.partnerRemoved", "en partner har lämnat"),
            Map.entry("se.samverka.project.fundingLineAdded", "ny finansiering"),
            Map.entry("se.samverka.project.fundingLineChanged", "finansieringen har ändrats"),
            Map.entry("se.samverka.project.fundingLineRemoved", "en finansiering har tagits bort"),
            Map.entry("se.samverka.project.activityRecorded", "ny aktivitet"),
            Map.entry("se.samverka.project.activityChanged", "en aktivitet har ändrats"),
            Map.entry("se.samverka.project.activityRemoved", "en aktivitet har tagits bort"),
            Map.entry("se.samverka.project.finalReportRecorded", "slutrapporten har lämnats"));

    private final MongoOperations mongo;

    PublicFeed(MongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(FeedEntry.class).createIndex(new Index().on("time", Sort.Direction.DESC));
    }

    /** The lines of the events that arrived together, written at once. */
    @Override
    public Recording recording() {
        return Recording.gathering(event -> line(event).stream().toList(), this::write);
    }

    /** The event's line, if it has one anyone may read. */
    private static Optional<FeedEntry> line(FollowedEvent followed) {
        String what = WHAT.get(followed.envelope().type());
        if (what == null || !(followed instanceof ProjectEvent event) || !Disclosure.mayRead(Caller.ANONYMOUS, event)) {
            return Optional.empty();
        }
        String title = event.after().title() + ": " + what;
        return Optional.of(new FeedEntry(event.envelope().id(), event.envelope().aggregateId(),
                event.envelope().type(), title, text(event, title), event.envelope().time().toInstant()));
    }

    /** Each line by its event's id, so an event recorded again (a crash before its view was stored) is one line. */
    private void write(List<FeedEntry> lines) {
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, FeedEntry.class);
        lines.forEach(line -> bulk.replaceOne(Query.query(Criteria.where("_id").is(line.eventId())), line,
                FindAndReplaceOptions.options().upsert()));
        bulk.execute();
    }

    List<FeedEntry> latest() {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "time")).limit(LATEST), FeedEntry.class);
    }

    private static String text(ProjectEvent event, String title) {
        if (event.data() instanceof ProjectStatusChanged status) {
            return title + " (" + status.from() + " → " + status.to() + ")";
        }
        if (event.data() instanceof FundingLineAdded added) {
            return title + " (" + added.fundingLine().programme() + ")";
        }
        if (event.data() instanceof FundingLineChanged changed) {
            return title + " (" + changed.fundingLine().programme() + ")";
        }
        if (event.data() instanceof ActivityRecorded activity) {
            return title + ": " + activity.activity().title() + ", " + activity.activity().heldOn();
        }
        return title;
    }
}
