package se.samverka.reporting.figures;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import se.samverka.platform.messaging.consumer.Beside;
import se.samverka.platform.messaging.consumer.ProjectionStore;
import se.samverka.reporting.readmodel.OrganisationEntry;
import se.samverka.reporting.readmodel.ProjectEntry;
import se.samverka.reporting.report.ReportFilter;

/**
 * The figures of one generation of the read models, kept current as the projects' entries are written (ADR 0022):
 * counts and exact sums per slice in {@code figures_g<N>}, one document per slice, {@code { _id: "strategy:S1",
 * counts: { "total": 12, "status:ONGOING": 5, ... }, sums: { "funding:ERASMUS_PLUS|2025|EUR|GRANTED": 1000.00 },
 * seen: { <writer>: <batch> } }}.
 *
 * <p>A write of entries is one batch: (1) a document in {@code figure_batches_g<N>} names each entry it changes with
 * what the entry added to the figures before and what it adds after; (2) the entries are written, each with what it
 * adds kept beside it ({@link Beside}), journaled; (3) the figures take the change, each slice only if it has not
 * seen the batch; (4) the batch's document goes. A crash anywhere leaves the batch's document: finishing it counts
 * the entries whose write holds what it says they add after (the others were not written) into the slices that have
 * not seen it. The store writes in order, so (1) is on disk once (2) is, and (4) only once (3) is.
 *
 * <p>An organisation's registration, or a change of its country, region or sector, counts the entries that name it
 * again, the same way, after a document in {@code figure_batches_g<N>} says so, so that a crash cannot lose it.
 *
 * <p>Each thread that writes batches is a writer of its own, whose batches are numbered in its order: the projects'
 * batches of several threads are written at once ({@link #writingBeside}; a project's events all come on one thread,
 * that of its partition), each slice taking each writer's batches conditionally on the last it saw of that writer.
 * What counts projects again (an organisation's registration or move, {@link #countAgain}) and the finishing of what
 * a failed write left are written alone ({@link #writing}). A second instance of reporting-service is not built yet
 * and would need its batches finished by the instance that wrote them.
 */
public final class FigureStore {

    private static final String COUNTS = "counts";
    private static final String SUMS = "sums";
    private static final String SEEN = "seen";
    private static final String WRITER = "writer";
    private static final String BATCH = "batch";
    private static final String ENTRIES = "entries";
    private static final String REGISTERED = "registered";
    private static final String CHANGED = "changed";
    private static final String ORGANISATION = "organisation";
    private static final int RECOUNTED_AT_ONCE = 500;
    /** In the figures' collection: they were kept from the generation's first entry on, so they hold every entry. */
    private static final String WHOLE = "#whole";
    private static final Logger log = LoggerFactory.getLogger(FigureStore.class);

    private final MongoOperations mongo;
    private final ProjectionStore<ProjectEntry> projects;
    private final ProjectionStore<OrganisationEntry> organisations;
    private final Clock clock;
    private final String figures;
    private final String batches;
    private final String awaiting;
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private final ThreadLocal<Writer> writers = ThreadLocal.withInitial(Writer::new);
    /** Whether the figures hold every entry: false while they are counted again, or before they ever were. */
    private volatile boolean whole;
    /**
     * While a rebuild fills the generation, only what each entry adds is kept beside it; the figures are counted from
     * that once ({@link #countAgain}), and kept per batch from then on.
     */
    private volatile boolean deferred;
    /** A batch may have been left unfinished (a write failed, or the store was just opened): finished before the next. */
    private volatile boolean unfinished = true;

    /** One thread's batches: numbered in its order, the one under way kept until its entries are written. */
    private static final class Writer {

        private final String id = UUID.randomUUID().toString();
        private long batch;
        private Document pending;
        private Figures pendingChange;
        private Document pendingRecount;
    }

    /**
     * @param mongo    unjournaled: the journaled write of the entries takes the batch's document to disk, and what
     *                 follows it is repeated from that document after a crash
     * @param deferred for a rebuild's generation: the figures are counted once it is filled, not per batch (a rebuild
     *                 that fails is dropped, so it has nothing to finish after a crash)
     */
    public FigureStore(int generation, MongoOperations mongo, ProjectionStore<ProjectEntry> projects,
                       ProjectionStore<OrganisationEntry> organisations, Clock clock, boolean deferred) {
        this.mongo = mongo;
        this.projects = projects;
        this.organisations = organisations;
        this.clock = clock;
        this.figures = "figures_g" + generation;
        this.batches = "figure_batches_g" + generation;
        this.awaiting = "figure_awaiting_g" + generation;
        mongo.indexOps(awaiting).createIndex(new Index().on(ORGANISATION, Sort.Direction.ASC));
        this.deferred = deferred;
        this.whole = markedWhole() || !deferred && beginWhole();
    }

    /** Whether the figures hold every entry; until they do, the reports count every entry. */
    public boolean whole() {
        return whole;
    }

    /**
     * At an instance that does not write them (ADR 0025): notices when the writer counts them again, and when it has
     * counted them whole.
     */
    public void lookAgainWhetherWhole() {
        whole = markedWhole();
    }

    private boolean markedWhole() {
        return mongo.exists(Query.query(Criteria.where("_id").is(WHOLE).and("v").is(Contribution.VERSION)), figures);
    }

    /**
     * Marks the figures whole when there is no entry yet for them to have missed; not whole are those of a generation
     * written before figures were kept, or kept by an earlier {@link Contribution#VERSION}.
     */
    private boolean beginWhole() {
        if (mongo.getCollection(projects.collection()).estimatedDocumentCount() > 0) {
            return false;
        }
        mongo.save(new Document("_id", WHOLE).append("v", Contribution.VERSION), figures);
        return true;
    }

    public List<String> collections() {
        return List.of(figures, batches, awaiting);
    }

    /** Runs {@code write}, which may write any entries of this generation, as the only writer of its figures. */
    public <T> T writing(Supplier<T> write) {
        return locked(writes.writeLock(), () -> {
            if (unfinished) {
                finishLeft();
            }
            return write.get();
        });
    }

    /**
     * Runs {@code write}, which writes projects' or partnerships' entries of this generation (never organisations'),
     * beside such writes of other threads.
     */
    public <T> T writingBeside(Supplier<T> write) {
        if (unfinished) {
            recover();
        }
        return locked(writes.readLock(), write);
    }

    /** A write that fails may leave its batch unfinished: the next write finishes it first. */
    private <T> T locked(Lock lock, Supplier<T> write) {
        lock.lock();
        try {
            return write.get();
        } catch (RuntimeException | Error failed) {
            unfinished = true;
            throw failed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The counts of what {@code filter} covers, added up over its slices; empty when it combines two or more parts
     * (no slice holds those), or while the figures miss entries written before they were kept.
     */
    public Optional<Counts> counts(ReportFilter filter) {
        if (filter.parts() > 1 || !whole) {
            return Optional.empty();
        }
        Criteria slices;
        if (filter.year() != null) {
            slices = new Criteria().orOperator(Criteria.where("_id").is(Contribution.YEAR + filter.year()),
                    Criteria.where("_id").regex("^" + Contribution.OPEN_FROM));
        } else {
            slices = Criteria.where("_id").is(filter.department() != null ? Contribution.DEPARTMENT + filter.department()
                    : filter.strategy() != null ? Contribution.STRATEGY + filter.strategy()
                    : filter.country() != null ? Contribution.COUNTRY + filter.country() : Contribution.ALL);
        }
        Query query = Query.query(slices);
        query.fields().include(COUNTS).include(SUMS);
        Map<String, Long> counts = new HashMap<>();
        Map<String, BigDecimal> sums = new HashMap<>();
        for (Document slice : mongo.find(query, Document.class, figures)) {
            String id = slice.getString("_id");
            if (id.startsWith(Contribution.OPEN_FROM)
                    && Integer.parseInt(id.substring(Contribution.OPEN_FROM.length())) > filter.year()) {
                continue;
            }
            slice.get(COUNTS, new Document()).forEach((key, count) ->
                    counts.merge(decoded(key), ((Number) count).longValue(), Long::sum));
            slice.get(SUMS, new Document()).forEach((key, amount) ->
                    sums.merge(decoded(key), ((Decimal128) amount).bigDecimalValue(), BigDecimal::add));
        }
        return Optional.of(byDimension(counts, sums));
    }

    /**
     * Flat keys ({@code status:ONGOING}) by dimension; an open-ended project counts in every year until this one.
     */
    private Counts byDimension(Map<String, Long> counts, Map<String, BigDecimal> sums) {
        int thisYear = LocalDate.now(clock).getYear();
        Map<String, Map<String, Long>> by = new HashMap<>();
        counts.forEach((key, count) -> {
            int colon = key.indexOf(':');
            if (count == 0 || colon < 0) {
                return;
            }
            String dimension = key.substring(0, colon);
            String value = key.substring(colon + 1);
            Map<String, Long> values = by.computeIfAbsent(dimension, ignored -> new HashMap<>());
            if ("year".equals(dimension) && value.endsWith(Contribution.ONWARDS)) {
                int from = Integer.parseInt(value.substring(0, value.length() - Contribution.ONWARDS.length()));
                for (int year = from; year <= Math.max(from, thisYear); year++) {
                    values.merge(String.valueOf(year), count, Long::sum);
                }
            } else {
                values.merge(value, count, Long::sum);
            }
        });
        Map<String, Map<String, BigDecimal>> summed = new HashMap<>();
        sums.forEach((key, amount) -> {
            int colon = key.indexOf(':');
            summed.computeIfAbsent(key.substring(0, colon), ignored -> new HashMap<>())
                    .merge(key.substring(colon + 1), amount, BigDecimal::add);
        });
        return new Counts(counts.getOrDefault(Contribution.TOTAL, 0L), by, summed);
    }

    /** What the projects' entries keep beside them: what each adds to the figures. */
    public Beside<ProjectEntry> besideProjects() {
        return new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<ProjectEntry>> changed) {
                return begin(changed.stream().map(change -> new Recount(change.id(),
                        Contribution.from(change.keptBefore()), change.after())).toList());
            }

            @Override
            public void afterWrite() {
                finish();
            }
        };
    }

    /** Registrations of organisations and changes of their countries, regions and sectors count the projects again. */
    public Beside<OrganisationEntry> besideOrganisations() {
        return new Beside<>() {
            @Override
            public Map<String, Document> beforeWrite(List<Changed<OrganisationEntry>> changed) {
                Writer writer = writers.get();
                writer.pendingRecount = null;
                List<String> registered = new ArrayList<>();
                List<String> moved = new ArrayList<>();
                for (Changed<OrganisationEntry> change : changed) {
                    if (change.before() == null && change.after() != null) {
                        registered.add(change.id());
                    } else if (change.before() != null && change.after() != null
                            && !countedAs(change.before()).equals(countedAs(change.after()))) {
                        moved.add(change.id());
                    }
                }
                if (!registered.isEmpty() || !moved.isEmpty()) {
                    writer.pendingRecount = new Document("_id", "recount:" + writer.id + ":" + (++writer.batch))
                            .append(REGISTERED, registered).append(CHANGED, moved);
                    mongo.insert(writer.pendingRecount, batches);
                }
                return Map.of();
            }

            @Override
            public void afterWrite() {
                Writer writer = writers.get();
                if (writer.pendingRecount != null) {
                    recount(writer.pendingRecount);
                    writer.pendingRecount = null;
                }
            }
        };
    }

    /** Finishes what a crash, or a write that failed, left of batches and recounts. */
    public void recover() {
        writing(() -> null);
    }

    /** Alone: no batch is under way, so every batch's document left is one a crash or a failed write left. */
    private void finishLeft() {
        List<Document> left = mongo.findAll(Document.class, batches);
        left.stream().filter(document -> document.containsKey(ENTRIES)).forEach(this::finishLeft);
        left.stream().filter(document -> document.containsKey(REGISTERED)).forEach(this::recount);
        unfinished = false;
    }

    /**
     * Counts the figures again from what every entry adds (from the entry itself where nothing is kept beside it yet,
     * as in a generation written before figures were kept): once a rebuild has filled its generation, after the
     * reconciliation applied lost entries again (which counted them twice), and when the figures are not whole.
     * Meanwhile the reports count every entry. From then on the figures are kept per batch.
     */
    public void countAgain() {
        writing(() -> {
            recover();
            whole = false;
            mongo.remove(Query.query(Criteria.where("_id").is(WHOLE)), figures);
            Figures all = new Figures();
            Set<List<String>> unknown = new LinkedHashSet<>();
            List<String> uncounted = new ArrayList<>();
            Map<String, Document> everyEntry = projects.allKept();
            everyEntry.forEach((id, kept) -> {
                if (!Contribution.current(kept)) {
                    uncounted.add(id);
                } else {
                    count(id, Contribution.from(kept), all, unknown);
                }
            });
            Map<String, OrganisationEntry> directory = uncounted.isEmpty() ? Map.of() : organisations.findAll();
            for (int from = 0; from < uncounted.size(); from += RECOUNTED_AT_ONCE) {
                Map<String, Document> kept = new HashMap<>();
                projects.findKept(uncounted.subList(from, Math.min(uncounted.size(), from + RECOUNTED_AT_ONCE)))
                        .forEach((id, entry) -> {
                            Contribution contribution = Contribution.of(entry.view(),
                                    organisation -> Optional.ofNullable(directory.get(organisation)));
                            kept.put(id, contribution.toDocument());
                            count(id, contribution, all, unknown);
                        });
                projects.keep(kept);
            }
            awaitRegistrations(unknown);
            mongo.remove(new Query(), figures);
            List<Document> slices = new ArrayList<>();
            Writer writer = writers.get();
            long counted = ++writer.batch;
            all.forEach((slice, counts, sums) -> slices.add(slice(slice, counts, sums)
                    .append(SEEN, new Document(writer.id, counted))));
            slices.add(new Document("_id", WHOLE).append("v", Contribution.VERSION));
            mongo.insert(slices, figures);
            deferred = false;
            whole = true;
            log.info("Figures counted again from {} projects ({} counted from their entries)", everyEntry.size(),
                    uncounted.size());
            return null;
        });
    }

    private static void count(String id, Contribution contribution, Figures figures, Set<List<String>> unknown) {
        contribution.addTo(figures, 1);
        contribution.unknown().forEach(organisation -> unknown.add(List.of(organisation, id)));
    }

    /** An entry to count again: {@code before} is what it added, {@code entry} as it will be written. */
    private record Recount(String id, Contribution before, ProjectEntry entry) {
    }

    /** Step (1) of a batch; what each entry will keep beside it comes back, for step (2). */
    private Map<String, Document> begin(List<Recount> recounts) {
        Writer writer = writers.get();
        writer.pending = null;
        writer.pendingChange = null;
        Map<String, OrganisationEntry> named = organisations.find(recounts.stream()
                .filter(recount -> recount.entry() != null)
                .flatMap(recount -> recount.entry().organisationIds().stream()).distinct().toList());
        Map<String, Document> kept = new HashMap<>();
        List<Document> entries = new ArrayList<>();
        Figures change = new Figures();
        Set<List<String>> unknown = new LinkedHashSet<>();
        for (Recount recount : recounts) {
            Contribution after = Contribution.of(recount.entry(), id -> Optional.ofNullable(named.get(id)));
            after.unknown().forEach(organisation -> unknown.add(List.of(organisation, recount.id())));
            if (!after.equals(recount.before())) {
                kept.put(recount.id(), after.toDocument());
                entries.add(new Document("_id", recount.id()).append("before", recount.before().toDocument())
                        .append("after", after.toDocument()));
                change.addAll(Figures.change(recount.before(), after));
            }
        }
        awaitRegistrations(unknown);
        if (!entries.isEmpty() && !deferred) {
            writer.pending = new Document("_id", "batch:" + writer.id + ":" + (++writer.batch)).append(WRITER, writer.id)
                    .append(BATCH, writer.batch).append(ENTRIES, entries);
            writer.pendingChange = change;
            mongo.insert(writer.pending, batches);
        }
        return kept;
    }

    /** Steps (3) and (4) once the entries are written. */
    private void finish() {
        Writer writer = writers.get();
        if (writer.pending != null) {
            add(writer.pending.getString(WRITER), writer.pending.getLong(BATCH), writer.pendingChange);
            mongo.remove(Query.query(Criteria.where("_id").is(writer.pending.getString("_id"))), batches);
            writer.pending = null;
            writer.pendingChange = null;
        }
    }

    /** Finishes a batch a crash or a failed write left: only the entries written with it count. */
    private void finishLeft(Document left) {
        List<Document> entries = left.getList(ENTRIES, Document.class);
        Map<String, ProjectionStore.Kept<ProjectEntry>> written = projects.findKept(entries.stream()
                .map(entry -> entry.getString("_id")).toList());
        Figures change = new Figures();
        for (Document entry : entries) {
            Contribution after = Contribution.from(entry.get("after", Document.class));
            ProjectionStore.Kept<ProjectEntry> now = written.get(entry.getString("_id"));
            if (now != null && after.equals(Contribution.from(now.beside()))) {
                change.addAll(Figures.change(Contribution.from(entry.get("before", Document.class)), after));
            }
        }
        add(left.getString(WRITER), left.getLong(BATCH), change);
        mongo.remove(Query.query(Criteria.where("_id").is(left.getString("_id"))), batches);
    }

    /** Counts again the projects that name the organisations a recount's document names, then removes it. */
    private void recount(Document order) {
        List<String> registered = order.getList(REGISTERED, String.class);
        Set<String> ids = new LinkedHashSet<>();
        if (!registered.isEmpty()) {
            Query waiting = Query.query(Criteria.where(ORGANISATION).in(registered));
            mongo.find(waiting, Document.class, awaiting).forEach(pair -> ids.add(pair.getString("entry")));
        }
        for (String organisation : order.getList(CHANGED, String.class)) {
            ids.addAll(projects.ids(new Criteria().orOperator(
                    Criteria.where("view.description.ownerOrganisationId").is(organisation),
                    Criteria.where("view.partners.organisationId").is(organisation))));
        }
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += RECOUNTED_AT_ONCE) {
            Map<String, ProjectionStore.Kept<ProjectEntry>> entries =
                    projects.findKept(all.subList(from, Math.min(all.size(), from + RECOUNTED_AT_ONCE)));
            Map<String, Document> kept = begin(entries.entrySet().stream().map(entry -> new Recount(entry.getKey(),
                    Contribution.from(entry.getValue().beside()), entry.getValue().view())).toList());
            projects.keep(kept);
            finish();
        }
        if (!registered.isEmpty()) {
            mongo.remove(Query.query(Criteria.where(ORGANISATION).in(registered)), awaiting);
        }
        mongo.remove(Query.query(Criteria.where("_id").is(order.getString("_id"))), batches);
    }

    /** Remembers which entries name an organisation not registered yet, for its registration to count them again. */
    private void awaitRegistrations(Set<List<String>> pairs) {
        if (pairs.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, awaiting);
        pairs.forEach(pair -> bulk.upsert(Query.query(Criteria.where("_id").is(pair.get(0) + "|" + pair.get(1))),
                new Update().set(ORGANISATION, pair.get(0)).set("entry", pair.get(1))));
        bulk.execute();
    }

    /** Adds the change to every slice that has not seen the writer's batch (or a later one of the writer's). */
    private void add(String batchWriter, long batchNumber, Figures change) {
        if (change.isEmpty()) {
            return;
        }
        String seen = SEEN + "." + batchWriter;
        while (true) {
            List<String> slices = new ArrayList<>();
            change.forEach((slice, counts, sums) -> slices.add(slice));
            Query existing = Query.query(Criteria.where("_id").in(slices));
            existing.fields().include(seen);
            Map<String, Long> seenBy = new HashMap<>();
            for (Document slice : mongo.find(existing, Document.class, figures)) {
                Document seenOf = slice.get(SEEN, Document.class);
                Object number = seenOf == null ? null : seenOf.get(batchWriter);
                seenBy.put(slice.getString("_id"), number == null ? 0L : ((Number) number).longValue());
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, figures);
            List<String> unseen = slices.stream().filter(slice -> seenBy.getOrDefault(slice, 0L) < batchNumber)
                    .toList();
            if (unseen.isEmpty()) {
                return;
            }
            change.forEach((slice, counts, sums) -> {
                Long last = seenBy.get(slice);
                if (last == null) {
                    bulk.insert(slice(slice, counts, sums).append(SEEN, new Document(batchWriter, batchNumber)));
                } else if (last < batchNumber) {
                    Update update = new Update().set(seen, batchNumber);
                    counts.forEach((key, count) -> update.inc(COUNTS + "." + encoded(key), count));
                    sums.forEach((key, amount) -> update.inc(SUMS + "." + encoded(key), new Decimal128(amount)));
                    bulk.updateOne(Query.query(Criteria.where("_id").is(slice).and(seen).is(last == 0 ? null : last)),
                            update);
                }
            });
            try {
                bulk.execute();
                return;
            } catch (DuplicateKeyException | BulkOperationException raced) {
                log.debug("A slice was made by another writer meanwhile; the slices that took the change skip it", raced);
            }
        }
    }

    /** A slice's document as first written: its counts and its exact sums. */
    private static Document slice(String slice, Map<String, Long> counts, Map<String, BigDecimal> sums) {
        Document encodedCounts = new Document();
        counts.forEach((key, count) -> encodedCounts.append(encoded(key), count));
        Document encodedSums = new Document();
        sums.forEach((key, amount) -> encodedSums.append(encoded(key), new Decimal128(amount)));
        return new Document("_id", slice).append(COUNTS, encodedCounts).append(SUMS, encodedSums);
    }

    /** The organisation's values a project is counted by. */
    private static List<String> countedAs(OrganisationEntry organisation) {
        return Arrays.asList(organisation.description().country(), organisation.description().region(),
                organisation.description().sector());
    }

    /** A key as a field name: no dots, no leading dollar. */
    private static String encoded(String key) {
        return key.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    private static String decoded(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
