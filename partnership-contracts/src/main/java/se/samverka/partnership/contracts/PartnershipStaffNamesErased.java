package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * The people a partnership's history named (who took a step, who recorded a decision) are now named by their role and
 * organisation, at a person's request for erasure; nothing else changed, and the event names no one. Schema: {@code
 * events/schemas/se.samverka.partnership.staffNamesErased.json}.
 */
public record PartnershipStaffNamesErased(String partnershipId) {

    public PartnershipStaffNamesErased {
        requireText(partnershipId, "partnershipId");
    }
}
