package se.samverka.reporting.readmodel;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.data.mongodb.core.MongoOperations;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.ApplyOutcome;
import se.samverka.platform.messaging.consumer.Projection;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;
import se.samverka.project.contracts.ProjectContracts;

/**
 * One generation of every read model, in collections named with the generation's number: the live consumers keep
 * one up to date while a rebuild fills the next from the beginning of the topics.
 */
public final class ReadModelSet {

    private final int generation;
    private final MongoOperations mongo;
    private final ProjectionStore<OrganisationEntry> organisations;
    private final ProjectionStore<PartnershipEntry> partnerships;
    private final ProjectionStore<ProjectEntry> projects;
    private final FeedStore feed;
    private final Projection<OrganisationEntry> organisationProjection;
    private final Projection<PartnershipEntry> partnershipProjection;
    private final Projection<ProjectEntry> projectProjection;

    ReadModelSet(int generation, MongoOperations mongo, ProjectionStores stores, ZoneId zone) {
        this.generation = generation;
        this.mongo = mongo;
        this.organisations = stores.create("organisations_g" + generation, OrganisationEntry.class);
        this.partnerships = stores.create("partnerships_g" + generation, PartnershipEntry.class);
        this.projects = stores.create("projects_g" + generation, ProjectEntry.class);
        this.feed = new FeedStore(mongo, "feed_g" + generation);
        this.organisationProjection = EntryProjections.organisations(organisations);
        this.partnershipProjection = EntryProjections.partnerships(partnerships);
        this.projectProjection = EntryProjections.projects(projects, zone);
    }

    /** Applies an event read from {@code topic}, and tells it in the feed if it is news. */
    public ApplyOutcome apply(String topic, EventEnvelope event) {
        return switch (topic) {
            case PartnershipContracts.ORGANISATIONS -> told(organisationProjection.apply(event), () -> organisations
                    .find(event.aggregateId()).flatMap(entry -> FeedLines.organisation(event, entry)));
            case PartnershipContracts.PARTNERSHIPS -> told(partnershipProjection.apply(event), () -> partnerships
                    .find(event.aggregateId()).flatMap(entry -> FeedLines.partnership(event, entry)));
            case ProjectContracts.PROJECTS -> told(projectProjection.apply(event), () -> projects
                    .find(event.aggregateId()).flatMap(entry -> FeedLines.project(event, entry)));
            default -> throw new IllegalArgumentException("no read model is fed from " + topic);
        };
    }

    public int generation() {
        return generation;
    }

    public ProjectionStore<OrganisationEntry> organisations() {
        return organisations;
    }

    public ProjectionStore<PartnershipEntry> partnerships() {
        return partnerships;
    }

    public ProjectionStore<ProjectEntry> projects() {
        return projects;
    }

    public FeedStore feed() {
        return feed;
    }

    /** When the newest event this generation applied happened. */
    public Optional<Instant> lastEventTime() {
        return Stream.of(organisations, partnerships, projects).map(ProjectionStore::lastEventTime)
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /** Every entry of this generation, as it is now. */
    public Snapshot snapshot() {
        return new Snapshot(organisations.findAll(), partnerships.findAll(), projects.findAll());
    }

    void drop() {
        Stream.of(organisations.collection(), partnerships.collection(), projects.collection(), feed.collection())
                .forEach(mongo::dropCollection);
    }

    /**
     * A line is added when its event is applied, and again (harmlessly, by the event's id) when it comes once more:
     * then a crash between the entry's write and the line's cannot lose the line.
     */
    private ApplyOutcome told(ApplyOutcome outcome, Supplier<Optional<FeedLine>> line) {
        if (outcome == ApplyOutcome.APPLIED || outcome == ApplyOutcome.DUPLICATE) {
            line.get().ifPresent(feed::add);
        }
        return outcome;
    }
}
