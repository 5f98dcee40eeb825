package se.samverka.platform.messaging.rebuild;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.events.PoisonEventException;
import se.samverka.platform.events.TopicLog;
import se.samverka.platform.messaging.consumer.MissingEventsException;

/**
 * What a rebuild reads: the topics up to given ends, their events applied a batch at a time (one bulk write of each
 * read model), each topic's in their order, counted in the rebuild's progress.
 */
public final class LogReplay {

    private static final Logger log = LoggerFactory.getLogger(LogReplay.class);
    /** Events applied in one bulk write of each read model. */
    private static final int BATCH_SIZE = 500;

    private LogReplay() {
    }

    /**
     * @param apply      applies one topic's events, in their order, and returns those it left for their gaps
     * @param afterBatch runs after each batch: to save the progress, or to give the rebuild up
     */
    public static void replay(TopicLog topics, Map<TopicPartition, Long> end, RebuildProgress progress,
                              BiFunction<String, List<EventEnvelope>, List<MissingEventsException>> apply,
                              Runnable afterBatch) {
        Map<String, List<EventEnvelope>> batch = new LinkedHashMap<>();
        int[] size = {0};
        topics.readUntil(end, record -> {
            try {
                batch.computeIfAbsent(record.topic(), topic -> new ArrayList<>()).add(record.event());
            } catch (PoisonEventException e) {
                // Dead-lettered when it came live; nothing applies it.
                progress.skipped(1);
            }
            if (++size[0] == BATCH_SIZE) {
                apply(batch, progress, apply, afterBatch);
                size[0] = 0;
            }
        });
        apply(batch, progress, apply, afterBatch);
    }

    private static void apply(Map<String, List<EventEnvelope>> batch, RebuildProgress progress,
                              BiFunction<String, List<EventEnvelope>, List<MissingEventsException>> apply,
                              Runnable afterBatch) {
        batch.forEach((topic, events) -> {
            List<MissingEventsException> missing = apply.apply(topic, events);
            // The log is read from its start: what is missing before these events is not in it.
            missing.forEach(gap -> log.warn("Rebuild skips an event: {}", gap.getMessage()));
            progress.skipped(missing.size());
            progress.applied(events.size() - missing.size());
        });
        batch.clear();
        afterBatch.run();
    }
}
