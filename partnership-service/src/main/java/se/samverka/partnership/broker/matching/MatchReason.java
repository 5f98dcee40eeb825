package se.samverka.partnership.broker.matching;

import java.util.List;

/**
 * One reason why a candidate matches, to be put into words in the reader's language.
 *
 * @param code      what kind of reason, e.g. TWIN_CITY or SAME_GROWTH_AREA, for clients that sort or style them
 * @param criterion the criterion it explains; null for a reason that only informs (a call's deadline)
 * @param points    what it adds to the match (before the score makes a share of it); 0 for a reason that only informs
 * @param words     filled into the text {@code match.reason.<code>} of the bundles
 */
public record MatchReason(String code, Criterion criterion, double points, List<Word> words) {

    public MatchReason {
        words = List.copyOf(words);
    }

    static MatchReason of(String code, Criterion criterion, double points, Word... words) {
        return new MatchReason(code, criterion, points, List.of(words));
    }
}
