package se.samverka.partnership.partnership;

import static se.samverka.partnership.partnership.PartnershipStatus.ACTIVE;
import static se.samverka.partnership.partnership.PartnershipStatus.DORMANT;
import static se.samverka.partnership.partnership.PartnershipStatus.ENDED;
import static se.samverka.partnership.partnership.PartnershipStatus.EXPLORING;
import static se.samverka.partnership.partnership.PartnershipStatus.LETTER_OF_INTENT;
import static se.samverka.partnership.partnership.PartnershipStatus.UNDER_REVIEW;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;

/**
 * The steps a partnership may take, and what each needs. People take these steps; DORMANT is never typed in: the
 * platform marks an ACTIVE partnership DORMANT when it has seen no activity for a while, and ACTIVE again when
 * activity returns.
 *
 * <pre>
 * EXPLORING        → LETTER_OF_INTENT (needs a recorded agreement), ENDED
 * LETTER_OF_INTENT → ACTIVE (needs a recorded decision), ENDED
 * ACTIVE           → UNDER_REVIEW
 * DORMANT          → ACTIVE, UNDER_REVIEW
 * UNDER_REVIEW     → ACTIVE, ENDED (needs the decision that ends it)
 * </pre>
 */
final class PartnershipLifecycle {

    private static final Map<PartnershipStatus, Set<PartnershipStatus>> STEPS = new EnumMap<>(Map.of(
            EXPLORING, EnumSet.of(LETTER_OF_INTENT, ENDED),
            LETTER_OF_INTENT, EnumSet.of(ACTIVE, ENDED),
            ACTIVE, EnumSet.of(UNDER_REVIEW),
            DORMANT, EnumSet.of(ACTIVE, UNDER_REVIEW),
            UNDER_REVIEW, EnumSet.of(ACTIVE, ENDED),
            ENDED, EnumSet.noneOf(PartnershipStatus.class)));

    private PartnershipLifecycle() {
    }

    static List<PartnershipStatus> allowedFrom(PartnershipStatus status) {
        return List.copyOf(STEPS.get(status));
    }

    /**
     * @throws IllegalTransitionException when the step is not allowed from here or its condition is not met (409)
     * @throws InvalidRequestException    when the decision named does not exist (422)
     */
    static void check(Partnership partnership, Transition transition) {
        PartnershipStatus from = partnership.status();
        PartnershipStatus to = transition.to();
        if (transition.decisionId() != null && !partnership.hasDecision(transition.decisionId())) {
            throw new InvalidRequestException("decisionId", "no decision '" + transition.decisionId()
                    + "' is recorded for this partnership");
        }
        if (!STEPS.get(from).contains(to)) {
            String why = to == DORMANT
                    ? "DORMANT is set by the platform when a partnership has had no activity for a while."
                    : "A partnership that is " + from + " cannot become " + to + ".";
            throw illegal(from, to, why);
        }
        unmetCondition(partnership, to, transition.decisionId()).ifPresent(why -> {
            throw illegal(from, to, why);
        });
    }

    private static Optional<String> unmetCondition(Partnership partnership, PartnershipStatus to, String decisionId) {
        if (to == LETTER_OF_INTENT && partnership.agreement() == null) {
            return Optional.of("Record the letter of intent first (PUT /api/partnerships/{id}/agreement).");
        }
        if (to == ACTIVE && partnership.status() == LETTER_OF_INTENT && partnership.decisions().isEmpty()) {
            return Optional.of("Record the decision to enter the partnership first (POST /api/partnerships/{id}/decisions).");
        }
        if (to == ENDED && partnership.status() == UNDER_REVIEW && decisionId == null) {
            return Optional.of("Ending a partnership under review needs the decision that ends it: give its decisionId.");
        }
        return Optional.empty();
    }

    private static IllegalTransitionException illegal(PartnershipStatus from, PartnershipStatus to, String why) {
        return new IllegalTransitionException(from.name(), to.name(),
                allowedFrom(from).stream().map(Enum::name).toList(), why);
    }
}
