package se.samverka.subscription.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventCodec;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.ApplyOutcome;
import se.samverka.platform.messaging.consumer.Beside;
import se.samverka.platform.messaging.consumer.EventHandlers;
import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.MissingEventsException;

/**
 * Follows one topic: keeps each aggregate's view in sequence and hands every event, with the view before and after
 * it, to the listeners. Their durable part runs before the view is stored, so a crash in between repeats it (they
 * deduplicate by event id) and a redelivered record, already applied, repeats nothing. Their live part hears of the
 * event through {@link Announcements}, at every instance of the service.
 *
 * @param <V> the view of the topic's aggregates
 */
public final class Follower<V> {

    /** The followed event an event makes, with its aggregate's view before and after it. */
    @FunctionalInterface
    public interface Made<V> {
        FollowedEvent of(EventEnvelope envelope, Object data, V before, V after);
    }

    private final GenerationalStore<V> store;
    private final BiFunction<Optional<V>, Object, V> next;
    private final Made<V> made;
    private final List<FollowedEventListener> listeners;
    private final Announcements announcements;

    /** @param next how an event's data changes a view; the view as it was for data this service does not know */
    public Follower(GenerationalStore<V> store, BiFunction<Optional<V>, Object, V> next, Made<V> made,
                    List<FollowedEventListener> listeners, Announcements announcements) {
        this.store = store;
        this.next = next;
        this.made = made;
        this.listeners = listeners;
        this.announcements = announcements;
    }

    /** What the topic's consumer does with each event, and with the events a poll brings together. */
    public EventHandlers handlers() {
        return EventHandlers.builder().onEvery(this::on).onBatch(this::onAll).build();
    }

    void on(EventEnvelope envelope) {
        List<FollowedEvent> seen = new ArrayList<>();
        List<FollowedEventListener.Recording> recording = recording();
        ApplyOutcome outcome = store.live().apply(envelope, change(envelope, recording, seen::add),
                flushing(recording));
        if (outcome == ApplyOutcome.APPLIED) {
            announcements.publish(List.of(seen.get(seen.size() - 1)));
        }
    }

    /** As {@link #on} for each event, with one read and one write of the views they change. */
    List<MissingEventsException> onAll(List<EventEnvelope> envelopes) {
        List<FollowedEvent> seen = new ArrayList<>();
        List<FollowedEventListener.Recording> recording = recording();
        List<MissingEventsException> missing = store.live().applyAll(envelopes,
                envelope -> change(envelope, recording, seen::add), flushing(recording));
        announcements.publish(seen);
        return missing;
    }

    private List<FollowedEventListener.Recording> recording() {
        return listeners.stream().map(FollowedEventListener::recording).toList();
    }

    /** What the listeners recorded is durable before the views are: a crash in between records the events again. */
    private static <V> Beside<V> flushing(List<FollowedEventListener.Recording> recording) {
        return Beside.<V>nothing().runningFirst(() -> recording.forEach(FollowedEventListener.Recording::flush));
    }

    /** The event's change of its view, which first records it with every listener and tells {@code seen}. */
    private Function<Optional<V>, V> change(EventEnvelope envelope, List<FollowedEventListener.Recording> recording,
                                            Consumer<FollowedEvent> seen) {
        Object data = data(envelope);
        return current -> {
            V after = data == null ? current.orElse(null) : next.apply(current, data);
            FollowedEvent event = made.of(envelope, data, current.orElse(null), after);
            recording.forEach(listener -> listener.accept(event));
            seen.accept(event);
            return after;
        };
    }

    /** The event's data decoded by its contract, or null for a type this service does not know. */
    public static Object data(EventEnvelope envelope) {
        return EventCatalog.forType(envelope.type()).map(contract -> EventCodec.decode(envelope, contract))
                .orElse(null);
    }
}
