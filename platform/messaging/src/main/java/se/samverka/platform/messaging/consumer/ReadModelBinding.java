package se.samverka.platform.messaging.consumer;

import java.util.function.Supplier;

/**
 * A read model that one binding feeds: every event of the bound topic goes through {@code handlers}, which apply it
 * in its aggregate's sequence to {@code store}. What the reconciliation needs to hold the store against the log.
 *
 * @param name     names the consumer in metrics and logs
 * @param function the consumer function's bean name, bound in application.yml: its binding's destination and group
 *                 say which topic feeds the read model and how far the service has consumed it
 * @param store    the store the handlers apply to (the one in use now, where read models have generations)
 * @param handlers what the consumer does with each event
 * @param repaired what the read model does once the reconciliation has repaired views from the log, for what it
 *                 derives from them (reporting's figures, which counted a lost view that is now applied again)
 */
public record ReadModelBinding(String name, String function, Supplier<ProjectionStore<?>> store,
                               EventHandlers handlers, Runnable repaired) {

    /** A read model that derives nothing from its views. */
    public ReadModelBinding(String name, String function, Supplier<ProjectionStore<?>> store, EventHandlers handlers) {
        this(name, function, store, handlers, () -> { });
    }

    /** The Spring Cloud Stream binding of the function's input. */
    public String binding() {
        return function + "-in-0";
    }
}
