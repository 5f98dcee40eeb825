package se.samverka.partnership.broker.matching;

import java.util.List;

/**
 * A candidate that matches an interest or a call, with its score and the reasons for it, best first.
 *
 * @param organisationId the organisation that answers for the candidate, to whom an introduction goes; null for a
 *                       call, which is no one to be introduced to
 * @param country        where it is, as far as it matters to the interest
 * @param score          0 to 100: the share of the weight of the criteria that apply which it meets
 */
public record Match(
        CandidateKind kind,
        String id,
        Word.Name name,
        String organisationId,
        Word.Name organisationName,
        String country,
        int score,
        List<MatchReason> reasons) {

    public Match {
        reasons = List.copyOf(reasons);
    }
}
