package se.samverka.subscription.project;

/** Does something with every project event, once the project's view after it is known. */
public interface ProjectEventListener {

    /**
     * Before the event counts as applied: what must not be lost (a crash after it and before the view is stored
     * repeats it, so it must be idempotent).
     */
    default void record(ProjectEvent event) {
    }

    /** After the event was applied for the first time: what is live only (a stream to browsers). */
    default void announce(ProjectEvent event) {
    }
}
