package se.samverka.partnership;

import java.util.List;
import java.util.Objects;

/**
 * What a command made of an aggregate: its new state and the events that announce the change, in the order they
 * happened. The domain builds both, so an application service stores them together (one write, as the outbox
 * requires) without knowing what the events hold.
 *
 * @param state  the aggregate after the command
 * @param events the event payloads of the contract module, at least one (every change is announced)
 */
public record Change<S>(S state, List<Object> events) {

    public Change {
        Objects.requireNonNull(state, "state is required");
        events = List.copyOf(events);
    }

    public static <S> Change<S> of(S state, Object... events) {
        return new Change<>(state, List.of(events));
    }
}
