package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * Who stated an interest is now named by their role and organisation, at that person's request for erasure; nothing
 * else changed, and the event names no one. Schema: {@code events/schemas/se.samverka.interest.staffNamesErased.json}.
 */
public record InterestStaffNamesErased(String interestId) {

    public InterestStaffNamesErased {
        requireText(interestId, "interestId");
    }
}
