package se.samverka.platform.messaging.rebuild;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/** A rebuild as the instance that runs it counts it, and as it is stored for every instance to read. */
public final class RebuildProgress {

    private final String id;
    private final Instant startedAt;
    private final AtomicLong events = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile int generation;
    private volatile boolean started;
    private volatile Rebuild.State state = Rebuild.State.RUNNING;
    private volatile Instant finishedAt;
    private volatile String failure;
    private volatile Instant savedAt = Instant.MIN;

    /** Times to the millisecond, as the store keeps them: every instance answers alike. */
    public RebuildProgress(String id, Instant startedAt, int generation) {
        this.id = id;
        this.startedAt = startedAt.truncatedTo(ChronoUnit.MILLIS);
        this.generation = generation;
    }

    static RebuildProgress of(Document stored) {
        RebuildProgress progress = new RebuildProgress(stored.getString("_id"), stored.getDate("startedAt").toInstant(),
                stored.getInteger("generation"));
        progress.started = stored.getBoolean("started", false);
        progress.events.set(stored.get("events", Number.class).longValue());
        progress.skipped.set(stored.get("skipped", Number.class).longValue());
        progress.state = Rebuild.State.valueOf(stored.getString("state"));
        progress.finishedAt = instant(stored.getDate("finishedAt"));
        progress.failure = stored.getString("failure");
        Instant saved = instant(stored.getDate("savedAt"));
        progress.savedAt = saved == null ? progress.startedAt : saved;
        return progress;
    }

    Document document() {
        return new Document("_id", id).append("startedAt", Date.from(startedAt)).append("generation", generation)
                .append("started", started).append("events", events.get()).append("skipped", skipped.get())
                .append("state", state.name())
                .append("finishedAt", finishedAt == null ? null : Date.from(finishedAt))
                .append("failure", failure)
                .append("savedAt", Date.from(savedAt));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public int generation() {
        return generation;
    }

    /** The generation it builds, once it knows which (the one after the generation in use when it began). */
    public void building(int generation) {
        this.generation = generation;
        this.started = true;
    }

    public boolean started() {
        return started;
    }

    public boolean running() {
        return state == Rebuild.State.RUNNING;
    }

    Instant savedAt() {
        return savedAt;
    }

    void saved(Instant at) {
        savedAt = at.truncatedTo(ChronoUnit.MILLIS);
    }

    public void applied(long count) {
        events.addAndGet(count);
    }

    public void skipped(long count) {
        skipped.addAndGet(count);
    }

    public void finish(Rebuild.State finalState, String why, Instant at) {
        finishedAt = at.truncatedTo(ChronoUnit.MILLIS);
        failure = why;
        state = finalState;
    }

    public Rebuild now(Instant now) {
        Instant until = finishedAt == null ? now : finishedAt;
        long applied = events.get();
        return new Rebuild(id, state, generation, startedAt, finishedAt, applied, skipped.get(),
                Rebuild.rate(applied, startedAt, until), failure);
    }
}
