package se.samverka.platform.messaging.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.TopicLog;
import se.samverka.platform.messaging.consumer.Generations;
import se.samverka.platform.messaging.consumer.MissingEventsException;
import se.samverka.platform.messaging.consumer.Projection;

/**
 * Rebuilds a service's per-aggregate read models ({@link RebuildableReadModel}) from the beginning of their topics
 * into a new generation, while the generation in use keeps serving and its live consumers keep applying (ADR 0030):
 * a few rounds of reading to the end, then the switch, which every instance's live consumers follow from their next
 * batch, then one more read to the end of what came meanwhile. Any instance runs the rebuild it was asked for; one at
 * a time in the service; its progress is stored, so that every instance answers how far it has come.
 */
public class ReadModelRebuilds extends LedgeredRebuilds {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuilds.class);
    /** A running rebuild saves its progress each second: one not saved for this long lost its instance. */
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);

    private final List<RebuildableReadModel<?>> models;
    private final UnaryOperator<String> destinations;
    private final Generations generations;
    private final String bootstrapServers;

    /** @param destinations the topic each binding is bound to */
    public ReadModelRebuilds(List<RebuildableReadModel<?>> models, UnaryOperator<String> destinations,
                             Generations generations, RebuildLedger ledger, String bootstrapServers, Clock clock) {
        super(ledger, clock);
        this.models = List.copyOf(models);
        this.destinations = destinations;
        this.generations = generations;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public Rebuild start() {
        ledger.underWay().flatMap(ledger::stored).ifPresent(this::settled);
        RebuildProgress progress = ledger.begin(generations.servingNow() + 1);
        running.set(progress);
        worker.submit(() -> run(progress));
        return progress.now(clock.instant());
    }

    /** A rebuild whose instance stopped (died) fails, so that it can be started again. */
    @Override
    protected RebuildProgress settled(RebuildProgress stored) {
        RebuildProgress here = running.get();
        if ((here == null || !here.id().equals(stored.id())) && ledger.abandoned(stored, ABANDONED_AFTER)) {
            stored.finish(Rebuild.State.FAILED, "the instance that ran it stopped; start it again", clock.instant());
            ledger.save(stored);
            ledger.release(stored.id());
            log.warn("Rebuild {} into generation {} was left by an instance that stopped: failed", stored.id(),
                    stored.generation());
        }
        return stored;
    }

    private void run(RebuildProgress progress) {
        int next = progress.generation();
        boolean switched = false;
        try {
            progress.building(next);
            ledger.save(progress);
            // What a rebuild that failed or was cut short left of this generation.
            generations.drop(next);
            Map<String, List<Projection<?>>> byTopic = new LinkedHashMap<>();
            models.forEach(model -> byTopic.computeIfAbsent(destinations.apply(model.binding()),
                    topic -> new ArrayList<>()).add(model.into(next)));
            log.info("Rebuilding the read models {} into generation {} ({})", byTopic.keySet(), next, progress.id());
            try (TopicLog topics = new TopicLog(bootstrapServers, byTopic.keySet())) {
                for (int round = 0; round < CATCH_UP_ROUNDS; round++) {
                    replay(topics, byTopic, progress);
                }
                generations.switchTo(next);
                switched = true;
                // The live consumers apply to the new generation from their next batch; what they polled before
                // lies in the log before these ends.
                replay(topics, byTopic, progress);
            }
            progress.finish(Rebuild.State.COMPLETED, null, clock.instant());
            Rebuild done = progress.now(clock.instant());
            log.info("Rebuilt the read models into generation {}: {} events ({} events/s), {} skipped", next,
                    done.events(), done.eventsPerSecond(), done.skipped());
        } catch (RuntimeException e) {
            if (switched) {
                // The new generation serves; its live consumers fill what it lacks from the log, as for any gap.
                log.error("The rebuild switched to generation {}, then failed to read the last events", next, e);
                progress.finish(Rebuild.State.COMPLETED, "switched, then the last events were not read: "
                        + e.getMessage() + "; the live consumers and the reconciliation bring them", clock.instant());
            } else {
                log.error("Rebuilding the read models into generation {} failed; the generation in use serves on",
                        next, e);
                dropQuietly(next);
                progress.finish(Rebuild.State.FAILED, String.valueOf(e.getMessage()), clock.instant());
            }
        } finally {
            finished(progress);
        }
    }

    private void dropQuietly(int generation) {
        try {
            generations.drop(generation);
        } catch (RuntimeException e) {
            log.warn("Generation {} could not be dropped now; the next rebuild drops it: {}", generation, e.toString());
        }
    }

    /** Records how it ended and lets the next rebuild start. */
    private void finished(RebuildProgress progress) {
        try {
            ledger.ended(progress);
        } finally {
            running.set(null);
        }
    }

    private void replay(TopicLog topics, Map<String, List<Projection<?>>> byTopic, RebuildProgress progress) {
        LogReplay.replay(topics, topics.endOffsets(), progress, (topic, events) -> byTopic.get(topic).stream()
                        .map(projection -> apply(projection, events))
                        .max(Comparator.comparingInt(List::size)).orElse(List.of()),
                () -> ledger.saveNowAndThen(progress));
    }

    /**
     * Applies events together, or one by one where a live consumer wrote the same aggregates meanwhile (after the
     * switch): the sequence guard skips what either did already.
     *
     * @return those not applied because their predecessors are not in the log
     */
    private static List<MissingEventsException> apply(Projection<?> projection, List<EventEnvelope> events) {
        List<MissingEventsException> missing;
        try {
            missing = projection.applyAll(events);
        } catch (IllegalStateException writtenMeanwhile) {
            missing = new ArrayList<>();
            for (EventEnvelope event : events) {
                try {
                    projection.apply(event);
                } catch (MissingEventsException gap) {
                    missing.add(gap);
                }
            }
        }
        return missing;
    }
}
