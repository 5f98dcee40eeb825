package se.samverka.partnership.contracts;

import static se.samverka.platform.events.Contracts.requireText;

/**
 * One side of an introduction answered it. Schema: {@code events/schemas/se.samverka.introduction.answered.json}.
 *
 * @param organisationId the side that answered
 * @param answer         ACCEPTED or DECLINED
 * @param status         the introduction's status after it: PROPOSED (the other side has yet to answer), ACCEPTED
 *                       (both accepted) or DECLINED
 */
public record IntroductionAnswered(String introductionId, String organisationId, String answer, String status) {

    public IntroductionAnswered {
        requireText(introductionId, "introductionId");
        requireText(organisationId, "organisationId");
        requireText(answer, "answer");
        requireText(status, "status");
    }
}
