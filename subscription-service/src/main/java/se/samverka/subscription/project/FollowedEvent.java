package se.samverka.subscription.project;

import se.samverka.platform.events.EventEnvelope;

/**
 * An event subscribers follow, with what this service knows of its aggregate before and after it: a project's
 * ({@link ProjectEvent}) or a funding call's ({@link se.samverka.subscription.call.CallEvent}).
 */
public interface FollowedEvent {

    EventEnvelope envelope();

    /** The decoded event data, or null for a type this service does not know. */
    Object data();
}
