package se.samverka.subscription.project;

import se.samverka.platform.events.EventEnvelope;

/**
 * A project event with the project as it was before it and as it is after it.
 *
 * @param data   the decoded event data, or null for a type this service does not know
 * @param before null for the project's first event
 * @param after  null only if the project's registration was never seen
 */
public record ProjectEvent(EventEnvelope envelope, Object data, ProjectView before, ProjectView after)
        implements FollowedEvent {
}
