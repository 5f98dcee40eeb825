package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * The people an introduction's record named (who proposed it, answered it, recorded an outcome) are now named by their
 * role and organisation, at a person's request for erasure; nothing else changed, and the event names no one. Schema:
 * {@code events/schemas/se.samverka.introduction.staffNamesErased.json}.
 */
public record IntroductionStaffNamesErased(String introductionId) {

    public IntroductionStaffNamesErased {
        requireText(introductionId, "introductionId");
    }
}
