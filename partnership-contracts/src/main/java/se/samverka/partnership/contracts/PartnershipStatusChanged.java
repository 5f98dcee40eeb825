package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * A partnership moved in its lifecycle. Schema: {@code events/schemas/se.samverka.partnership.statusChanged.json}.
 *
 * @param automatic true when the platform took the step (dormancy detected, activity seen again)
 */
public record PartnershipStatusChanged(String partnershipId, String from, String to, String decisionId, boolean automatic) {

    public PartnershipStatusChanged {
        requireText(partnershipId, "partnershipId");
        requireText(from, "from");
        requireText(to, "to");
    }
}
