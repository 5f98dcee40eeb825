package se.samverka.platform.messaging.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import se.samverka.platform.events.Topics;

/**
 * The dead-letter topics of this service's consumer groups, as the dead-letter policy set them up, and how many
 * records each holds that no one has decided on yet: the gauge an alert clears on once every one is replayed or
 * discarded.
 */
public class DeadLetterTopics {

    /** Where a consumer group parks what it could not apply from a topic. */
    public record Parking(String topic, String group, String deadLetterTopic) {
    }

    private final MeterRegistry meters;
    private final Map<String, Parking> parkings = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

    public DeadLetterTopics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** A group parks records of the topic here; its gauge starts at zero, so that the alert has a series at once. */
    public Parking watch(String topic, String group) {
        Parking parking = new Parking(topic, group, Topics.deadLetter(topic, group));
        parkings.computeIfAbsent(parking.deadLetterTopic(), deadLetterTopic -> {
            AtomicLong count = open.computeIfAbsent(deadLetterTopic, any -> new AtomicLong());
            Gauge.builder("samverka.events.dead.letters.open", count, AtomicLong::get)
                    .tag("topic", topic).tag("group", group)
                    .description("Records parked in a dead-letter topic that were neither replayed nor discarded")
                    .register(meters);
            return parking;
        });
        return parking;
    }

    public Collection<Parking> all() {
        return List.copyOf(parkings.values());
    }

    public Optional<Parking> of(String deadLetterTopic) {
        return Optional.ofNullable(parkings.get(deadLetterTopic));
    }

    /** One more record parked here. */
    public void parked(String deadLetterTopic) {
        count(deadLetterTopic).incrementAndGet();
    }

    /** One record of this topic replayed or discarded. */
    void decided(String deadLetterTopic) {
        count(deadLetterTopic).updateAndGet(n -> Math.max(0, n - 1));
    }

    /** What a count of the topic and the decisions found, which corrects what was counted one by one. */
    void counted(String deadLetterTopic, long undecided) {
        count(deadLetterTopic).set(Math.max(0, undecided));
    }

    private AtomicLong count(String deadLetterTopic) {
        return open.computeIfAbsent(deadLetterTopic, any -> new AtomicLong());
    }
}
