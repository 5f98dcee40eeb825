package se.samverka.partnership.broker.matching;

import java.util.List;

/**
 * An interest's matches as the API shows them, in the caller's language; a call's ({@link CallMatchesResource}) share
 * its views.
 */
public record MatchesResource(String interestId, List<MatchView> matches) {

    /** @param score 0 to 100 */
    public record MatchView(CandidateKind kind, String id, String name, String organisationId,
                            String organisationName, String country, int score, List<ReasonView> reasons) {
    }

    /** @param points what the reason adds, before the score makes a share of all that applies */
    public record ReasonView(String code, String text, double points) {
    }
}
