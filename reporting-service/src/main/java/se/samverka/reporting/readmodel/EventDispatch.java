package se.samverka.reporting.readmodel;

import java.util.ArrayList;
import java.util.List;
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
import se.samverka.platform.messaging.consumer.MissingEventsException;

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
        return apply(table(topic), event);
    }

    private <V> ApplyOutcome apply(TopicTable<V> table, EventEnvelope event) {
        return table.store().apply(event, change(table, event, feed), table.beside());
    }

    /**
     * Applies a batch of events read from {@code topic}, in their order, in one read and one bulk write of the entries,
     * the feed's lines written before the entries, as {@link #apply} does for one event.
     *
     * @return the events not applied because earlier events of their aggregates are missing
     */
    List<MissingEventsException> applyAll(String topic, List<EventEnvelope> events, Consumer<List<FeedLine>> lines) {
        return applyAll(table(topic), events, lines);
    }

    private <V> List<MissingEventsException> applyAll(TopicTable<V> table, List<EventEnvelope> events,
                                                      Consumer<List<FeedLine>> lines) {
        List<FeedLine> told = new ArrayList<>();
        return table.store().applyAll(events, event -> change(table, event, told::add),
                table.beside().runningFirst(() -> {
                    if (!told.isEmpty()) {
                        lines.accept(told);
                    }
                }));
    }

    private TopicTable<?> table(String topic) {
        TopicTable<?> table = tables.get(topic);
        if (table == null) {
            throw new IllegalArgumentException("no read model is fed from " + topic);
        }
        return table;
    }

    /** How the event changes its aggregate's entry, telling {@code feed} the line it makes, if it is news. */
    private <V> Function<Optional<V>, V> change(TopicTable<V> table, EventEnvelope event, Consumer<FeedLine> feed) {
        Optional<EventContract<?>> contract = EventCatalog.forType(event.type());
        Optional<TopicTable.Row<V, ?>> row = contract.flatMap(c -> table.row(c.dataClass()));
        if (row.isEmpty()) {
            return current -> current.orElse(null);
        }
        Object data = decoder.apply(event, contract.get());
        // The line is told before the store writes the entry, so a crash between the two cannot lose it: the event,
        // coming again, writes the entry and finds its line told; the entry's journaled write takes the line to disk.
        // Should the store compute the change once more (another consumer wrote the aggregate meanwhile), the line,
        // keyed by the event's id, is still told once.
        return current -> {
            V changed = row.get().changed(current, data, event);
            if (changed != null) {
                row.get().details(data, changed).ifPresent(details -> feed.accept(new FeedLine(event.id(),
                        event.time().toInstant(), event.type(), event.aggregateId(), table.subject().apply(changed),
                        table.visibility().apply(changed), details)));
            }
            return changed;
        };
    }
}
