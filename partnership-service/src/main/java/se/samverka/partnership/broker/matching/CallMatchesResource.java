package se.samverka.partnership.broker.matching;

import java.util.List;

/** A funding call's matches as the API shows them, in the caller's language: shaped as an interest's. */
public record CallMatchesResource(String callId, List<MatchesResource.MatchView> matches) {
}
