package se.samverka.platform.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoOperations;
import se.samverka.platform.messaging.UnjournaledWrites;

/** Makes {@link ProjectionStore}s. */
public class ProjectionStores {

    private final MongoOperations mongo;
    private final MeterRegistry meters;

    public ProjectionStores(MongoOperations mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    /** Stores whose writes are answered before they are journaled ({@link UnjournaledWrites}). */
    public ProjectionStores unjournaled() {
        return new ProjectionStores(UnjournaledWrites.of(mongo), meters);
    }

    public <V> ProjectionStore<V> create(String collection, Class<V> viewType) {
        return new ProjectionStore<>(mongo, meters, collection, viewType);
    }
}
