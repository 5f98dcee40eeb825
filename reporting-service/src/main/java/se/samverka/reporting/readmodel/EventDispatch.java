package se.samverka.reporting.readmodel;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import se.samverka.platform.events.EventCatalog;
import se.samverka.platform.events.EventContract;
import se.samverka.platform.events.EventEnvelope;
import se.samverka.platform.messaging.consumer.ApplyOutcome;

/**
 * The one pass of an event through a generation of the read models: its data is decoded once, into the record of its
 * contract, if the table of its topic has a row for that record; then the row's projections are applied to it, each
 * once. Every event of a topic goes through its store, also those without a row: otherwise the next one with a row
 * would look like a gap.
 */
final class EventDispatch {

    private final BiFunction<EventEnvelope, EventContract<?>, Object> decoder;
    private final Consumer<FeedLine> feed;
    private final Map<String, TopicTable<?>> tables;

    /**
     * @param decoder the event's data as the record of its contract
     * @param feed    where the lines the events tell go
     */
    EventDispatch(BiFunction<EventEnvelope, EventContract<?>, Object> decoder, Consumer<FeedLine> feed,
                  TopicTable<?>... tables) {
        this.decoder = decoder;
        this.feed = feed;
        this.tables = Stream.of(tables).collect(Collectors.toUnmodifiableMap(TopicTable::topic, Function.identity()));
    }

    /**
     * Applies an event read from {@code topic} in its aggregate's sequence.
     *
     * @throws se.samverka.platform.messaging.consumer.MissingEventsException when earlier events of the aggregate are
     *                                                                         missing; nothing is applied
     */
    ApplyOutcome apply(String topic, EventEnvelope event) {
        TopicTable<?> table = tables.get(topic);
        if (table == null) {
            throw new IllegalArgumentException("no read model is fed from " + topic);
        }
        return apply(table, event);
    }

    private <V> ApplyOutcome apply(TopicTable<V> table, EventEnvelope event) {
        Optional<EventContract<?>> contract = EventCatalog.forType(event.type());
        Optional<TopicTable.Row<V, ?>> row = contract.flatMap(c -> table.row(c.dataClass()));
        if (row.isEmpty()) {
            return table.store().apply(event, current -> current.orElse(null));
        }
        Object data = decoder.apply(event, contract.get());
        // The line is told before the store writes the entry, so a crash between the two cannot lose it: the event,
        // coming again, writes the entry and finds its line told; the entry's journaled write takes the line to disk.
        // Should the store compute the change once more (another consumer wrote the aggregate meanwhile), the line,
        // keyed by the event's id, is still told once.
        return table.store().apply(event, current -> {
            V changed = row.get().changed(current, data, event);
            if (changed != null) {
                row.get().details(data, changed).ifPresent(details -> feed.accept(new FeedLine(event.id(),
                        event.time().toInstant(), event.type(), event.aggregateId(), table.subject().apply(changed),
                        table.visibility().apply(changed), details)));
            }
            return changed;
        });
    }
}
