package se.samverka.subscription.call;

import se.samverka.platform.events.EventEnvelope;
import se.samverka.subscription.project.FollowedEvent;

/**
 * A funding call's event with the call as it was before it and as it is after it.
 *
 * @param data   the decoded event data, or null for a type this service does not know
 * @param before null for the call's first event
 * @param after  null only if the call's publication was never seen
 */
public record CallEvent(EventEnvelope envelope, Object data, CallView before, CallView after)
        implements FollowedEvent {
}
