package se.samverka.platform.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes writes to an MVStore durable before they are answered, committing for many writers at once.
 *
 * <p>A writer runs its write inside {@link #write}, which returns once a commit that includes the write has been
 * written and forced to the device. One thread commits: it takes every write finished so far, commits them in one
 * chunk and syncs the file, then releases all their writers together; writes that finish meanwhile wait for the next
 * round. So a lone writer pays one commit, and many writers share one.
 *
 * <p>The MVStore has no transactions across its maps, and one write of the Mongo-wire server changes several (the
 * documents and each index). A commit therefore never runs while a write is under way: writes hold a shared lock,
 * the commit an exclusive one, and the store's own background commits are off. A crash thus leaves each write on
 * disk whole or not at all.
 */
final class GroupCommit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** How long the committer waits for writes before it looks after the file anyway (compaction). */
    private static final Duration IDLE = Duration.ofSeconds(5);
    /**
     * How long unforced writes wait for a durable one to share its commit with; committing each at once would make
     * the durable writes that arrive meanwhile wait for one commit more.
     */
    private static final Duration UNFORCED_LINGER = Duration.ofMillis(100);
    private static final int COMPACT_FILL_RATE = 50;
    private static final int COMPACT_WRITE_BYTES = 4 * 1024 * 1024;
    /**
     * Under a steady load the store is never idle, and every commit leaves a chunk that later commits mostly, but
     * not wholly, replace: the file grew by a gigabyte a minute under a thousand writes a second, and every commit
     * got slower with the chunks it keeps track of. So every so many commits, one also moves what lives on in the
     * sparsest chunks, up to this much, and they are freed.
     */
    private static final int COMPACT_UNDER_LOAD_EVERY_COMMITS = 32;
    private static final int COMPACT_UNDER_LOAD_WRITE_BYTES = 1024 * 1024;
    private static final Duration SLOW_COMMIT = Duration.ofSeconds(1);

    /** What the store cannot survive: the process must end, so that a restart recovers from the file. */
    interface Failure {
        void failed(RuntimeException cause);
    }

    /** A write to the store, run under the shared lock. */
    interface Write<T> {
        T run();
    }

    private final MVStore store;
    private final Failure failure;
    private final ReentrantReadWriteLock writing = new ReentrantReadWriteLock();
    private final AtomicLong finished = new AtomicLong();
    private final ReentrantLock rounds = new ReentrantLock();
    private final Condition writesWaiting = rounds.newCondition();
    private final Condition committed = rounds.newCondition();
    private final Thread committer;
    private long durable;
    private long commits;
    /** Writers waiting for their commit; guarded by {@code rounds}. */
    private int waitingWriters;
    /** When the oldest unforced write not yet committed finished (nanoTime), or 0; guarded by {@code rounds}. */
    private long unforcedSince;
    private volatile boolean closing;

    GroupCommit(MVStore store, Failure failure) {
        this.store = store;
        this.failure = failure;
        this.committer = new Thread(this::commitRounds, "group-commit");
        this.committer.setDaemon(true);
        this.committer.start();
    }

    /** Runs the write and returns its result once it is on disk; if the write fails, once what it did is on disk. */
    <T> T write(Write<T> write) {
        return write(write, true);
    }

    /**
     * Runs the write and returns at once; the next commit, moments later, takes it to disk, and so does the commit of
     * any durable write that follows it. For writes whose loss in a crash costs only a repetition.
     */
    <T> T writeUnforced(Write<T> write) {
        return write(write, false);
    }

    private <T> T write(Write<T> write, boolean durably) {
        long ticket;
        writing.readLock().lock();
        try {
            return write.run();
        } finally {
            ticket = finished.incrementAndGet();
            writing.readLock().unlock();
            if (durably) {
                awaitDurable(ticket);
            } else {
                askForCommit();
            }
        }
    }

    private void askForCommit() {
        rounds.lock();
        try {
            if (unforcedSince == 0) {
                unforcedSince = System.nanoTime();
                writesWaiting.signal();
            }
        } finally {
            rounds.unlock();
        }
    }

    /** How many commits were made; with concurrent writers, fewer than writes. */
    long commits() {
        rounds.lock();
        try {
            return commits;
        } finally {
            rounds.unlock();
        }
    }

    /** Commits what is left and stops the committer; the store stays open. */
    @Override
    public void close() {
        closing = true;
        committer.interrupt();
        try {
            committer.join(IDLE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commitRound();
    }

    private void awaitDurable(long ticket) {
        rounds.lock();
        try {
            waitingWriters++;
            writesWaiting.signal();
            while (durable < ticket) {
                if (closing && !committer.isAlive()) {
                    throw new IllegalStateException("the store closed before the write was committed");
                }
                committed.awaitUninterruptibly();
            }
        } finally {
            waitingWriters--;
            rounds.unlock();
        }
    }

    private void commitRounds() {
        while (!closing) {
            boolean commit;
            rounds.lock();
            try {
                commit = awaitReasonToCommit();
            } finally {
                rounds.unlock();
            }
            if (closing) {
                return;
            }
            try {
                if (commit) {
                    commitRound();
                } else {
                    compact();
                }
            } catch (RuntimeException e) {
                log.error("Committing the store failed; stopping, so that a restart recovers from the file", e);
                failure.failed(e);
                return;
            }
        }
    }

    /**
     * Waits until a writer waits for its commit, or unforced writes have lingered long enough; false when nothing
     * came to commit within the idle time. The caller holds {@code rounds}.
     */
    private boolean awaitReasonToCommit() {
        long idleUntil = System.nanoTime() + IDLE.toNanos();
        try {
            // Writers that were answered may still count as waiting until they wake: only an uncommitted write counts.
            while (waitingWriters == 0 || durable == finished.get()) {
                boolean unforced = unforcedSince != 0;
                long left = (unforced ? unforcedSince + UNFORCED_LINGER.toNanos() : idleUntil) - System.nanoTime();
                if (left <= 0) {
                    return unforced;
                }
                writesWaiting.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            // close() interrupts to end the loop; what is finished is committed there
            return false;
        }
    }

    private void commitRound() {
        long covered;
        long started = System.nanoTime();
        boolean compacting = commits % COMPACT_UNDER_LOAD_EVERY_COMMITS == COMPACT_UNDER_LOAD_EVERY_COMMITS - 1;
        writing.writeLock().lock();
        try {
            covered = finished.get();
            if (compacting) {
                store.compact(COMPACT_FILL_RATE, COMPACT_UNDER_LOAD_WRITE_BYTES);
            }
            store.commit();
        } finally {
            writing.writeLock().unlock();
        }
        // Only the committer writes to the file, so the sync may run while new writes fill the next round.
        store.sync();
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        if (took.compareTo(SLOW_COMMIT) > 0) {
            // Every writer waited this long: worth a line when a caller's timeout needs explaining.
            log.warn("A commit took {} ms{}", took.toMillis(), compacting ? ", compacting sparse chunks" : "");
        }
        rounds.lock();
        try {
            durable = covered;
            commits++;
            // Writes that finished during the commit wait for the next; unforced ones among them linger anew.
            unforcedSince = durable == finished.get() ? 0 : System.nanoTime();
            committed.signalAll();
        } finally {
            rounds.unlock();
        }
    }

    /** Rewrites sparse chunks while no one writes, as the store's own background thread would have. */
    private void compact() {
        boolean rewritten;
        writing.writeLock().lock();
        try {
            rewritten = store.compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
            if (rewritten) {
                store.commit();
            }
        } finally {
            writing.writeLock().unlock();
        }
        if (rewritten) {
            store.sync();
        }
    }
}
