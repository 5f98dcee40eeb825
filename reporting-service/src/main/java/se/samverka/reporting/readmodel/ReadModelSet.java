package se.samverka.reporting.readmodel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import se.samverka.partnership.contracts.PartnershipContracts;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.ApplyOutcome;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.platform.messaging.consumer.ProjectionStores;
import se.samverka.reporting.figures.EntryPages;
import se.samverka.reporting.figures.FigureStore;
import se.samverka.reporting.report.ReportFilter;

/**
 * One generation of every read model, in collections named with the generation's number: the live consumers keep
 * one up to date while a rebuild fills the next from the beginning of the topics.
 */
public final class ReadModelSet {

    private static final String PARTNERSHIP_IDS = "view.description.partnershipIds";
    private static final String VISIBILITY = "view.description.visibility";
    private static final Set<String> BROKER_TOPICS =
            Set.of(PartnershipContracts.CALLS, PartnershipContracts.INTERESTS, PartnershipContracts.INTRODUCTIONS);

    private final int generation;
    private final MongoOperations mongo;
    private final ProjectionStore<OrganisationEntry> organisations;
    private final ProjectionStore<PartnershipEntry> partnerships;
    private final ProjectionStore<ProjectEntry> projects;
    private final ProjectionStore<CallEntry> calls;
    private final ProjectionStore<InterestEntry> interests;
    private final ProjectionStore<IntroductionEntry> introductions;
    private final FeedStore feed;
    private final FigureStore figures;
    private final EventDispatch dispatch;
    /** Held shared by each reading of the entries, exclusively by the drop, which waits for the readings. */
    private final ReadWriteLock readings = new ReentrantReadWriteLock();
    /** Counted after each write of the entries, so a computation that saw the count saw the write. */
    private final AtomicLong applied = new AtomicLong();
    private boolean dropped;

    /**
     * @param mongo      the store of the feed's lines, unjournaled: the journaled write of their entry, which follows
     *                   each line, takes it to disk
     * @param rebuilding for a rebuild to fill: its figures are counted once it is filled ({@link FigureStore})
     */
    ReadModelSet(int generation, MongoOperations mongo, ProjectionStores stores, ZoneId zone, Clock clock,
                 boolean rebuilding) {
        this.generation = generation;
        this.mongo = mongo;
        this.organisations = stores.create("organisations_g" + generation, OrganisationEntry.class);
        this.partnerships = stores.create("partnerships_g" + generation, PartnershipEntry.class);
        this.projects = stores.create("projects_g" + generation, ProjectEntry.class);
        this.calls = stores.create("calls_g" + generation, CallEntry.class);
        this.interests = stores.create("interests_g" + generation, InterestEntry.class);
        this.introductions = stores.create("introductions_g" + generation, IntroductionEntry.class);
        // A partnership's projects are read by it, not found among all of them; so are a report's rows (EntryPages).
        Stream.concat(Stream.of(PARTNERSHIP_IDS), EntryPages.indexed().stream()).forEach(field ->
                mongo.indexOps(projects.collection()).createIndex(new Index().on(field, Sort.Direction.ASC)));
        if (projects.count() == 0) {
            // Read in the reports' orders while there is no entry, so that the embedded store keeps those indexes in
            // order from the first entry on, not built over all of them by the first report (as the feed's).
            Stream.of(EntryPages.BY_SCORE, EntryPages.BY_TITLE).forEach(order -> projects(new Criteria(), order, 0, 1));
        }
        this.feed = new FeedStore(mongo, "feed_g" + generation);
        this.figures = new FigureStore(generation, mongo, projects, organisations, clock, rebuilding);
        this.dispatch = new EventDispatch(EventCodec::decode, feed::add,
                ReadModelTables.organisations(organisations, figures.besideOrganisations()),
                ReadModelTables.partnerships(partnerships),
                ReadModelTables.projects(projects, figures.besideProjects(), zone),
                ReadModelTables.calls(calls, zone), ReadModelTables.interests(interests, zone),
                ReadModelTables.introductions(introductions, zone));
    }

    /** Applies an event read from {@code topic}, and tells it in the feed if it is news. */
    public ApplyOutcome apply(String topic, EventEnvelope event) {
        try {
            return writing(topic, () -> dispatch.apply(topic, event));
        } finally {
            applied.incrementAndGet();
        }
    }

    /**
     * Applies a batch of events read from {@code topic} in one bulk write of the entries, after one of the feed's
     * lines.
     *
     * @return the events not applied because earlier events of their aggregates are missing
     */
    public List<MissingEventsException> applyAll(String topic, List<EventEnvelope> events) {
        try {
            return writing(topic, () -> dispatch.applyAll(topic, events, feed::addAll));
        } finally {
            applied.incrementAndGet();
        }
    }

    /**
     * An organisation's event may count the projects that name it again, so it is written alone; the projects' and
     * partnerships' events of the consumer's threads are written at once (ADR 0022). The broker's events change no
     * figure.
     */
    private <T> T writing(String topic, Supplier<T> write) {
        if (BROKER_TOPICS.contains(topic)) {
            return write.get();
        }
        return topic.equals(PartnershipContracts.ORGANISATIONS) ? figures.writing(write) : figures.writingBeside(write);
    }

    /**
     * How many times this instance has applied events to this generation (or tried to): what it computed before is
     * still current while this number and the events the consumer group has applied stay the same.
     */
    public long applications() {
        return applied.get();
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

    public ProjectionStore<CallEntry> calls() {
        return calls;
    }

    public ProjectionStore<InterestEntry> interests() {
        return interests;
    }

    public ProjectionStore<IntroductionEntry> introductions() {
        return introductions;
    }

    public FeedStore feed() {
        return feed;
    }

    /** The portfolio's figures, kept with the projects' entries. */
    public FigureStore figures() {
        return figures;
    }

    /** When the newest event this generation applied happened. */
    public Optional<Instant> lastEventTime() {
        return Stream.of(organisations, partnerships, projects, calls, interests, introductions)
                .map(ProjectionStore::lastEventTime)
                .flatMap(Optional::stream).max(Comparator.naturalOrder());
    }

    /**
     * What {@code read} reads of this generation; empty once the generation is dropped (replaced by a rebuild), for
     * the caller to read the one that serves then. A drop waits for the readings under way: a report reading the
     * entries a batch at a time would otherwise fail, or count a part, when the collections went in between.
     */
    public <T> Optional<T> reading(Function<ReadModelSet, T> read) {
        readings.readLock().lock();
        try {
            return dropped ? Optional.empty() : Optional.of(read.apply(this));
        } finally {
            readings.readLock().unlock();
        }
    }

    /** Every entry of this generation, as it is now; read within {@link #reading}. */
    public Snapshot snapshot() {
        return new Snapshot(organisations.findAll(), partnerships.findAll(), projects.findAll());
    }

    /**
     * The organisations and partnerships (the reports join them), and of the projects those {@code filter} may
     * include: what no figures hold (a filter of two parts or more) is counted from these, found by an index
     * ({@link EntryPages#of}), not from every entry. Every project while the figures are not whole, for only then does
     * every entry keep what the index finds it by. Read within {@link #reading}.
     */
    public Snapshot snapshot(ReportFilter filter) {
        if (filter.parts() == 0 || !figures.whole()) {
            return snapshot();
        }
        return new Snapshot(organisations.findAll(), partnerships.findAll(), projects.findAll(EntryPages.of(filter)));
    }

    /**
     * Every call, interest and introduction of this generation: a municipality's broker makes some hundreds a year,
     * read whole as the partnerships are (ADR 0022). Read within {@link #reading}.
     */
    public BrokerEntries broker() {
        return new BrokerEntries(calls.findAll(), interests.findAll(), introductions.findAll());
    }

    /** The organisations and partnerships, without the projects: for what reads the projects' figures instead. */
    public Snapshot withoutProjects() {
        return new Snapshot(organisations.findAll(), partnerships.findAll(), Map.of());
    }

    /** The organisations and partnerships, and of the projects those linked to the partnerships named. */
    public Snapshot linkedTo(Collection<String> partnershipIds) {
        return new Snapshot(organisations.findAll(), partnerships.findAll(), partnershipIds.isEmpty() ? Map.of()
                : projects.findAll(Criteria.where(PARTNERSHIP_IDS).in(partnershipIds)));
    }

    /**
     * A page of the projects matching {@code criteria} in {@code order}, by id in that order: a report's rows, found
     * by what {@link EntryPages} knows is kept. Read within {@link #reading}.
     */
    public Map<String, ProjectEntry> projects(Criteria criteria, Sort order, long skip, int limit) {
        return projects.findInOrder(Query.query(criteria).with(order).skip(skip).limit(limit));
    }

    /** How many projects match {@code criteria}, as {@link EntryPages} finds them. Read within {@link #reading}. */
    public long countProjects(Criteria criteria) {
        return mongo.count(Query.query(criteria), projects.collection());
    }

    /** The projects of one visibility (the PUBLIC ones, for the open data). Read within {@link #reading}. */
    public Map<String, ProjectEntry> projectsVisibleAs(String visibility) {
        return projects.findAll(Criteria.where(VISIBILITY).is(visibility));
    }

    /** The organisations that own the projects, for what names their owners. Read within {@link #reading}. */
    public Snapshot owners(Collection<ProjectEntry> owned) {
        List<String> owners = owned.stream().map(project -> project.description().ownerOrganisationId())
                .filter(Objects::nonNull).distinct().toList();
        return new Snapshot(organisations.find(owners), Map.of(), Map.of());
    }

    /** The organisations alone, for what only names them. */
    public Snapshot directory() {
        return new Snapshot(organisations.findAll(), Map.of(), Map.of());
    }

    void drop() {
        readings.writeLock().lock();
        try {
            dropped = true;
            Stream.concat(Stream.of(organisations.collection(), partnerships.collection(), projects.collection(),
                    calls.collection(), interests.collection(), introductions.collection(), feed.collection()),
                    figures.collections().stream()).forEach(mongo::dropCollection);
        } finally {
            readings.writeLock().unlock();
        }
    }
}
