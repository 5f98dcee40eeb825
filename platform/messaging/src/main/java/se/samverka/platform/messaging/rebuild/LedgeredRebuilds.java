package se.samverka.platform.messaging.rebuild;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.beans.factory.DisposableBean;

/**
 * What every service's rebuilds share: one worker that runs them, the rebuild under way at this instance, and the
 * ledger in the store where every instance reads how far each has come.
 */
public abstract class LedgeredRebuilds implements RebuildOperations, DisposableBean {

    /** How many rounds of reading to the end a rebuild takes before it switches. */
    protected static final int CATCH_UP_ROUNDS = 3;

    protected final RebuildLedger ledger;
    protected final Clock clock;
    protected final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "read-model-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    /** The rebuild this instance runs, if any. */
    protected final AtomicReference<RebuildProgress> running = new AtomicReference<>();

    protected LedgeredRebuilds(RebuildLedger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public Optional<Rebuild> find(String id) {
        return ledger.stored(id).map(this::now);
    }

    @Override
    public List<Rebuild> recent() {
        return ledger.recent().stream().map(this::now).toList();
    }

    /** As counted here while it runs here, else as stored. */
    private Rebuild now(RebuildProgress stored) {
        RebuildProgress here = running.get();
        return (here != null && here.id().equals(stored.id()) ? here : settled(stored)).now(clock.instant());
    }

    /** A rebuild another instance ran or runs, as this service judges it (one whose instance died may fail here). */
    protected RebuildProgress settled(RebuildProgress stored) {
        return stored;
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
    }
}
