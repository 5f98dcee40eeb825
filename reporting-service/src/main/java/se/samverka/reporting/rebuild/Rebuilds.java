package se.samverka.reporting.rebuild;

import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import se.samverka.platform.events.TopicLog;
import se.samverka.platform.events.Topics;
import se.samverka.platform.messaging.outage.KafkaHealthIndicator;
import se.samverka.platform.messaging.rebuild.LedgeredRebuilds;
import se.samverka.platform.messaging.rebuild.LogReplay;
import se.samverka.platform.messaging.rebuild.Rebuild;
import se.samverka.platform.messaging.rebuild.RebuildLedger;
import se.samverka.platform.messaging.rebuild.RebuildProgress;
import se.samverka.platform.messaging.rebuild.RebuildRunningException;
import se.samverka.platform.web.DependencyUnavailableException;
import se.samverka.reporting.readmodel.ReadModelSet;
import se.samverka.reporting.readmodel.ReadModels;
import se.samverka.reporting.readmodel.WriterLease;

/**
 * Rebuilds the read models from the beginning of the topics into a new generation while the one in use keeps serving
 * and being fed, then switches (see {@link ReadModels#switchTo}). One rebuild runs at a time, at the instance that
 * writes the read models (ADR 0025): any instance takes the request and stores it, the writer runs it and keeps its
 * progress in the store, so that every instance answers how far it has come. A rebuild whose writer stopped (died,
 * or lost its lease) fails, for whoever asked to start it again.
 */
@Service
@Order(1)
public class Rebuilds extends LedgeredRebuilds implements WriterLease.WriterDuty {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final ReadModels models;
    private final String bootstrapServers;
    private final KafkaHealthIndicator broker;
    /** At an instance that does not write: whether a rebuild is under way, as last looked at (each second). */
    private volatile boolean underWayElsewhere;

    public Rebuilds(ReadModels models, RebuildLedger ledger,
                    @Value("${samverka.kafka.bootstrap-servers}") String bootstrapServers,
                    KafkaHealthIndicator broker, Clock clock) {
        super(ledger, clock);
        this.models = models;
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
    }

    /**
     * @throws RebuildRunningException 409 while another rebuild runs
     * @throws DependencyUnavailableException 503 while the broker is unreachable: a rebuild reads the topics, and one
     *                                        started without them would only fail later
     */
    @Override
    public Rebuild start() {
        if (!broker.reachableNow()) {
            throw new DependencyUnavailableException("Kafka");
        }
        RebuildProgress progress = ledger.begin(models.current().generation() + 1);
        if (models.writer()) {
            launch(progress);
        } else {
            underWayElsewhere = true;
        }
        return progress.now(clock.instant());
    }

    /**
     * Whether a rebuild runs now, at this instance or another: asked by every report's freshness, so answered from
     * memory, not the store.
     */
    public boolean isRunning() {
        return running.get() != null || underWayElsewhere;
    }

    /** Runs the rebuild asked for while another instance wrote; fails the one a writer that stopped left. */
    @Override
    public void takeOver() {
        underWayElsewhere = false;
        tend();
    }

    @Override
    public void whileNotWriting() {
        underWayElsewhere = ledger.underWay().isPresent();
    }

    /** Runs a rebuild another instance took the request for. */
    @Override
    public void whileWriting() {
        tend();
    }

    private void tend() {
        if (running.get() != null) {
            return;
        }
        Optional<String> underWay = ledger.underWay();
        if (underWay.isEmpty()) {
            return;
        }
        String id = underWay.get();
        Optional<RebuildProgress> stored = ledger.stored(id);
        if (stored.isPresent() && !stored.get().started()) {
            launch(new RebuildProgress(id, stored.get().startedAt(), models.current().generation() + 1));
            return;
        }
        if (stored.isPresent() && stored.get().running()) {
            RebuildProgress left = stored.get();
            left.finish(Rebuild.State.FAILED, "the instance that ran it stopped writing the read models; start it again",
                    clock.instant());
            ledger.save(left);
            log.warn("Rebuild {} into generation {} was left by an instance that stopped writing: failed", id,
                    left.generation());
        }
        ledger.release(id);
    }

    private void launch(RebuildProgress progress) {
        if (running.compareAndSet(null, progress)) {
            worker.submit(() -> run(progress));
        }
    }

    private void run(RebuildProgress progress) {
        ReadModelSet next = null;
        try (TopicLog topics = new TopicLog(bootstrapServers, Topics.ALL)) {
            next = models.next();
            progress.building(next.generation());
            ledger.save(progress);
            log.info("Rebuilding the read models into generation {} ({})", next.generation(), progress.id());
            for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                replay(topics, next, progress);
            }
            // Counted once from what the entries add, then kept per batch through the last catch-up.
            next.figures().countAgain();
            stillWriting();
            ReadModelSet filled = next;
            models.switchTo(next, () -> replay(topics, filled, progress));
            progress.finish(Rebuild.State.COMPLETED, null, clock.instant());
            Rebuild done = progress.now(clock.instant());
            log.info("Rebuilt the read models into generation {}: {} events in {} ms ({} events/s), {} skipped",
                    done.generation(), done.events(), done.finishedAt().toEpochMilli() - done.startedAt().toEpochMilli(),
                    done.eventsPerSecond(), done.skipped());
        } catch (RuntimeException e) {
            log.error("Rebuilding the read models into generation {} failed", progress.generation(), e);
            if (next != null) {
                models.discard(next);
            }
            progress.finish(Rebuild.State.FAILED, String.valueOf(e.getMessage()), clock.instant());
        } finally {
            finished(progress);
        }
    }

    /** Records how it ended and lets the next rebuild start; what the store refuses now, the writer tends to later. */
    private void finished(RebuildProgress progress) {
        try {
            ledger.ended(progress);
        } finally {
            running.set(null);
        }
    }

    /** A rebuild writes into a generation only the writer may switch to. */
    private void stillWriting() {
        if (!models.writer()) {
            throw new IllegalStateException("this instance stopped writing the read models");
        }
    }

    private void replay(TopicLog topics, ReadModelSet next, RebuildProgress progress) {
        LogReplay.replay(topics, topics.endOffsets(), progress, next::applyAll, () -> applied(progress));
    }

    /**
     * After each batch: the progress saved now and then, for every instance to read; the rebuild given up should
     * another instance write the read models now.
     */
    private void applied(RebuildProgress progress) {
        stillWriting();
        ledger.saveNowAndThen(progress);
    }
}
