package se.samverka.platform.messaging.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.data.mongodb.core.MongoOperations;

/** Makes {@link ProjectionStore}s. */
public class ProjectionStores {

    private final MongoOperations mongo;
    private final MeterRegistry meters;

    public ProjectionStores(MongoOperations mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.meters = meters;
    }

    public <V> ProjectionStore<V> create(String collection, Class<V> viewType) {
        return new ProjectionStore<>(mongo, meters, collection, viewType);
    }
}
