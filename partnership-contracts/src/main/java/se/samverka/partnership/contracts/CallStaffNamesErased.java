package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * Who withdrew a funding call is now named by their role and organisation, at that person's request for erasure;
 * nothing else changed, and the event names no one. Schema: {@code
 * events/schemas/se.samverka.call.staffNamesErased.json}.
 */
public record CallStaffNamesErased(String callId) {

    public CallStaffNamesErased {
        requireText(callId, "callId");
    }
}
