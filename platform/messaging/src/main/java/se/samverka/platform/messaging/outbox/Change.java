package se.samverka.platform.messaging.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a command on an aggregate comes to: its new state and the events that announce the change, in the order they
 * are to be published. The aggregate's domain makes both, so an application service stores and publishes them in one
 * write ({@link AggregateStore#create(String, Change)}, {@link AggregateStore#update(Versioned, Change)}) without
 * knowing the events' shape.
 *
 * @param state  the aggregate after the command
 * @param events the event payloads, records of the producer's contract module; a change that is stored must have at
 *               least one, since every change is announced
 */
public record Change<S>(S state, List<Object> events) {

    public Change {
        Objects.requireNonNull(state, "state is required");
        events = List.copyOf(events);
    }

    public static <S> Change<S> of(S state, Object... events) {
        return new Change<>(state, List.of(events));
    }

    /** This change followed by what {@code next} makes of its state: the state after both, the events of both. */
    public Change<S> then(Function<S, Change<S>> next) {
        Change<S> after = next.apply(state);
        List<Object> all = new ArrayList<>(events);
        all.addAll(after.events());
        return new Change<>(after.state(), all);
    }
}
