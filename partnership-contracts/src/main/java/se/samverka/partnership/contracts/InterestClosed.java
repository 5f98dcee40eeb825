package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * An interest no longer stands. Schema: {@code events/schemas/se.samverka.interest.closed.json}.
 *
 * @param reason WITHDRAWN (by its organisation or the coordinator) or EXPIRED (its last day passed)
 */
public record InterestClosed(String interestId, String reason) {

    public InterestClosed {
        requireText(interestId, "interestId");
        requireText(reason, "reason");
    }
}
