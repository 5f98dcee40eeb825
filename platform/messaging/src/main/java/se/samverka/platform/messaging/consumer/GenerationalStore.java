package se.samverka.platform.messaging.consumer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A per-aggregate read model kept in generations ({@link Generations}): generation 1 in its collection as named,
 * each later one in {@code <collection>_g<N>}.
 */
public class GenerationalStore<V> {

    private final Generations generations;
    private final ProjectionStores stores;
    private final ProjectionStores rebuilding;
    private final String collection;
    private final Class<V> viewType;
    private final Map<Integer, ProjectionStore<V>> byGeneration = new ConcurrentHashMap<>();

    GenerationalStore(Generations generations, ProjectionStores stores, String collection, Class<V> viewType) {
        this.generations = generations;
        this.stores = stores;
        this.rebuilding = stores.unjournaled();
        this.collection = collection;
        this.viewType = viewType;
    }

    /** For reads: the generation that serves, as this instance last looked. */
    public ProjectionStore<V> serving() {
        return of(generations.serving());
    }

    /** For the live consumer, once per batch: the generation that serves now, as stored. */
    public ProjectionStore<V> live() {
        return of(generations.servingNow());
    }

    /**
     * For a rebuild to fill: writes answered before they are journaled, made durable by the journaled write of the
     * switch ({@link Generations#switchTo}).
     */
    public ProjectionStore<V> rebuilding(int generation) {
        return rebuilding.create(collection(generation), viewType);
    }

    private ProjectionStore<V> of(int generation) {
        return byGeneration.computeIfAbsent(generation, g -> stores.create(collection(g), viewType));
    }

    void drop(int generation) {
        byGeneration.remove(generation);
        generations.dropCollection(collection(generation));
    }

    String collection(int generation) {
        return generation == 1 ? collection : collection + "_g" + generation;
    }
}
