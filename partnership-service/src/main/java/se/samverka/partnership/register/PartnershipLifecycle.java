package se.samverka.partnership.register;

import static se.samverka.partnership.register.PartnershipStatus.ACTIVE;
import static se.samverka.partnership.register.PartnershipStatus.DORMANT;
import static se.samverka.partnership.register.PartnershipStatus.ENDED;
import static se.samverka.partnership.register.PartnershipStatus.EXPLORING;
import static se.samverka.partnership.register.PartnershipStatus.LETTER_OF_INTENT;
import static se.samverka.partnership.register.PartnershipStatus.UNDER_REVIEW;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import se.samverka.platform.web.IllegalTransitionException;
import se.samverka.platform.web.InvalidRequestException;
import se.samverka.platform.web.Reason;

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
            throw new InvalidRequestException("decisionId", "reason.decision", transition.decisionId());
        }
        if (!STEPS.get(from).contains(to)) {
            throw illegal(from, to, to == DORMANT ? Reason.of("transition.partnership.dormant")
                    : Reason.of("transition.partnership", status(from), status(to)));
        }
        unmetCondition(partnership, to, transition.decisionId()).ifPresent(why -> {
            throw illegal(from, to, why);
        });
    }

    private static Optional<Reason> unmetCondition(Partnership partnership, PartnershipStatus to, String decisionId) {
        if (to == LETTER_OF_INTENT && partnership.agreement() == null) {
            return Optional.of(Reason.of("transition.partnership.agreement"));
        }
        if (to == ACTIVE && partnership.status() == LETTER_OF_INTENT && partnership.decisions().isEmpty()) {
            return Optional.of(Reason.of("transition.partnership.decision"));
        }
        if (to == ENDED && partnership.status() == UNDER_REVIEW && decisionId == null) {
            return Optional.of(Reason.of("transition.partnership.ending"));
        }
        return Optional.empty();
    }

    private static IllegalTransitionException illegal(PartnershipStatus from, PartnershipStatus to, Reason why) {
        return new IllegalTransitionException(from.name(), to.name(),
                allowedFrom(from).stream().map(Enum::name).toList(), why);
    }

    private static MessageSourceResolvable status(PartnershipStatus status) {
        return Reason.term("status.partnership", status.name());
    }
}
