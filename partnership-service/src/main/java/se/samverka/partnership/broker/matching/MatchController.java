package se.samverka.partnership.broker.matching;

import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class MatchController {

    private final Matchmaking matchmaking;
    private final ReasonWords words;

    MatchController(Matchmaking matchmaking, ReasonWords words) {
        this.matchmaking = matchmaking;
        this.words = words;
    }

    /** An interest's matches, best first, their names and reasons in the caller's language (Accept-Language). */
    @GetMapping("/interests/{id}/matches")
    MatchesResource matches(@PathVariable String id, @RequestParam(defaultValue = "20") int limit, Locale locale) {
        return new MatchesResource(id, views(matchmaking.matches(id, limit), locale));
    }

    /** A funding call's matches, as an interest's: partnerships, interests and projects that might answer it. */
    @GetMapping("/calls/{id}/matches")
    CallMatchesResource callMatches(@PathVariable String id, @RequestParam(defaultValue = "20") int limit,
                                    Locale locale) {
        return new CallMatchesResource(id, views(matchmaking.callMatches(id, limit), locale));
    }

    /** How much each criterion weighs (samverka.broker.weights). */
    @GetMapping("/interests/match-weights")
    MatchWeights weights() {
        return matchmaking.weights();
    }

    private List<MatchesResource.MatchView> views(List<Match> matches, Locale locale) {
        boolean english = !"sv".equals(locale.getLanguage());
        return matches.stream()
                .map(match -> new MatchesResource.MatchView(match.kind(), match.id(),
                        match.name() == null ? null : match.name().in(english), match.organisationId(),
                        match.organisationName() == null ? null : match.organisationName().in(english),
                        match.country(), match.score(), match.reasons().stream()
                        .map(reason -> new MatchesResource.ReasonView(reason.code(), words.text(reason, locale),
                                reason.points()))
                        .toList()))
                .toList();
    }
}
