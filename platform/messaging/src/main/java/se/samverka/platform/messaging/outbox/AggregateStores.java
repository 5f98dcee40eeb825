package se.samverka.platform.messaging.outbox;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.springframework.data.mongodb.core.MongoOperations;

/** Makes {@link AggregateStore}s and knows their collections, which the {@link OutboxRelay} drains. */
public class AggregateStores {

    private final MongoOperations mongo;
    private final EventRecorder recorder;
    private final List<String> collections = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<String, String> onEventRecorded = (collection, id) -> { };

    public AggregateStores(MongoOperations mongo, EventRecorder recorder) {
        this.mongo = mongo;
        this.recorder = recorder;
    }

    public <S> AggregateStore<S> create(String collection, Class<S> stateType) {
        if (collections.contains(collection)) {
            throw new IllegalStateException("collection " + collection + " already has an aggregate store");
        }
        collections.add(collection);
        return new AggregateStore<>(mongo, recorder, id -> onEventRecorded.accept(collection, id), collection,
                stateType);
    }

    public List<String> collections() {
        return List.copyOf(collections);
    }

    /** What to do with the collection and the aggregate's id after each write that recorded an event: tell the relay. */
    public void onEventRecorded(BiConsumer<String, String> action) {
        this.onEventRecorded = action;
    }
}
