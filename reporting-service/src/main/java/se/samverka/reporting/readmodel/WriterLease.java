package se.samverka.reporting.readmodel;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.bson.Document;
import se.samverka.platform.messaging.consumer.EventConsumers;
import se.samverka.platform.messaging.consumer.ReadModelBinding;
import se.samverka.reporting.ReportingSettings;

/**
 * Which instance of reporting-service writes the read models (ADR 0025): the one that holds a lease in the store.
 * It alone runs the live consumers, finishes what a crash left of the figures and counts them again, reconciles the
 * read models with the log, runs rebuilds and drops the generations they replaced. Every instance answers reports;
 * one that does not write follows the generation in use.
 *
 * <p>The lease runs for {@code lease} from each renewal, renewed every {@code renewEvery}. Another instance takes it
 * only once it has run out; a holder that could not renew stops writing before that, so two never write at once.
 * Stopping the consumers hands their partitions to the group, that is to the next holder, which goes on from the
 * group's committed offsets (every write is guarded by sequence, so an event applied twice counts once).
 */
@Component
public class WriterLease implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WriterLease.class);
    private static final String COLLECTION = "writer";
    private static final String LEASE = "read-models";

    private final MongoOperations mongo;
    private final List<WriterDuty> duties;
    private final BindingsLifecycleController bindings;
    private final EventConsumers consumers;
    private final ReportingSettings.Writer settings;
    // Leases are a matter of elapsed time, whatever clock the reports are told.
    private final Clock clock = Clock.systemUTC();
    private final String instance = UUID.randomUUID().toString();
    private final Object lifecycle = new Object();
    private volatile boolean writing;
    private Instant renewedAt = Instant.MIN;
    private ScheduledExecutorService ticks;

    public WriterLease(MongoOperations mongo, List<WriterDuty> duties, BindingsLifecycleController bindings,
                       EventConsumers consumers, ReportingSettings settings, MeterRegistry meters) {
        this.mongo = mongo;
        this.duties = duties;
        this.bindings = bindings;
        this.consumers = consumers;
        this.settings = settings.writer();
        // Summed over the instances: 1 while the read models are written, 0 when no instance writes them.
        Gauge.builder("samverka.readmodels.writer", this, lease -> lease.writing ? 1 : 0)
                .description("Whether this instance writes the read models (holds the writer's lease)")
                .register(meters);
    }

    /**
     * Takes the lease at once if it is free, so that a lone instance consumes from its start. The lease is looked at
     * on a thread of its own, so that no duty, however long it takes, holds up a renewal.
     */
    @Override
    public void start() {
        synchronized (lifecycle) {
            ticks = Executors.newScheduledThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "read-model-writer");
                thread.setDaemon(true);
                return thread;
            });
            lookAtTheLease();
            long every = settings.follow().toMillis();
            ticks.scheduleWithFixedDelay(this::lookAtTheLease, every, every, TimeUnit.MILLISECONDS);
            ticks.scheduleWithFixedDelay(this::doTheDuties, 0, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Stops writing and gives the lease up, so that another instance takes over at once. */
    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (ticks == null) {
                return;
            }
            ticks.shutdownNow();
            try {
                ticks.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ticks = null;
            if (writing) {
                log.info("This instance stops, and with it its writing of the read models");
                stopWriting();
                try {
                    mongo.remove(Query.query(Criteria.where("_id").is(LEASE).and("holder").is(instance)), COLLECTION);
                } catch (RuntimeException e) {
                    log.warn("The read models' writer lease could not be given up ({}); it runs out by itself",
                            e.toString());
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        synchronized (lifecycle) {
            return ticks != null;
        }
    }

    private synchronized void lookAtTheLease() {
        try {
            if (!writing) {
                if (take()) {
                    startWriting();
                }
            } else if (!renewedAt.plus(settings.renewEvery()).isAfter(clock.instant()) && !take()) {
                log.warn("This instance stops writing the read models: another instance holds the lease");
                stopWriting();
            }
        } catch (RuntimeException e) {
            if (writing && !renewedAt.plus(settings.lease()).minus(settings.renewEvery()).isAfter(clock.instant())) {
                log.warn("This instance stops writing the read models: the lease could not be renewed ({})",
                        e.toString());
                stopWriting();
            } else {
                log.debug("The read models' writer lease was not looked at this time: {}", e.toString());
            }
        }
    }

    private void doTheDuties() {
        try {
            duties.forEach(writing ? WriterDuty::whileWriting : WriterDuty::whileNotWriting);
        } catch (RuntimeException e) {
            log.debug("The read models' duties were not done this time: {}", e.toString());
        }
    }

    /** Takes or renews the lease; false while another instance holds it. */
    private boolean take() {
        Instant now = clock.instant();
        Query free = Query.query(Criteria.where("_id").is(LEASE).orOperator(Criteria.where("holder").is(instance),
                Criteria.where("until").lt(Date.from(now))));
        // The process id tells an operator (and the fault suite) which instance writes.
        Update held = Update.update("holder", instance).set("until", Date.from(now.plus(settings.lease())))
                .set("pid", ProcessHandle.current().pid());
        try {
            mongo.findAndModify(free, held, FindAndModifyOptions.options().upsert(true).returnNew(true),
                    Document.class, COLLECTION);
        } catch (DuplicateKeyException heldByAnother) {
            return false;
        }
        renewedAt = now;
        return true;
    }

    private void startWriting() {
        log.info("This instance writes the read models now (lease {})", instance);
        duties.forEach(WriterDuty::takeOver);
        writing = true;
        consumers.readModels().stream().map(ReadModelBinding::binding).forEach(bindings::start);
    }

    private void stopWriting() {
        writing = false;
        consumers.readModels().stream().map(ReadModelBinding::binding).forEach(bindings::stop);
        duties.forEach(WriterDuty::giveUp);
    }

    /** What changes with the lease, in the order of the beans' {@code @Order}. */
    public interface WriterDuty {

        /** Once this instance has taken the lease, before its consumers start. */
        default void takeOver() {
        }

        /** At each look at the lease while this instance holds it. */
        default void whileWriting() {
        }

        /** Once this instance has stopped writing: its consumers are stopped. */
        default void giveUp() {
        }

        /** At each look at the lease while another instance holds it. */
        default void whileNotWriting() {
        }
    }
}
