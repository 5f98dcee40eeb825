package se.samverka.platform.messaging.outbox;

/**
 * An aggregate's state with its version: the number of events it has published, also its ETag.
 */
public record Versioned<S>(String id, long version, S state) {
}
