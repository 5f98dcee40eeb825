package se.samverka.platform.messaging.rebuild;

import se.samverka.platform.messaging.consumer.GenerationalStore;
import se.samverka.platform.messaging.consumer.Projection;

/**
 * A read model that {@link ReadModelRebuilds} rebuilds from its topic: a bean of this type is all a service declares.
 * Only the projection is rebuilt: what else its consumer does with an event (webhooks, activity) happened when the
 * event came and is not done again.
 *
 * @param function   the consumer function's bean name, bound in application.yml: its binding's destination is the
 *                   topic the rebuild reads
 * @param store      the read model's generations
 * @param projection how each event changes a view
 */
public record RebuildableReadModel<V>(String function, GenerationalStore<V> store, Projection<V> projection) {

    String binding() {
        return function + "-in-0";
    }

    /** The projection onto the generation a rebuild fills. */
    Projection<V> into(int generation) {
        return projection.onto(store.rebuilding(generation));
    }
}
