package se.samverka.gateway.portal.interest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Mono;
import se.samverka.gateway.downstream.Downstream;
import se.samverka.gateway.downstream.Request;
import se.samverka.gateway.downstream.Service;
import se.samverka.gateway.identity.Caller;
import se.samverka.gateway.portal.Choices;
import se.samverka.gateway.portal.PageForms;
import se.samverka.gateway.portal.ProblemPage;
import tools.jackson.databind.JsonNode;

/**
 * An interest's page: its description, and its matches as partnership-service ranks them for the reader, each with
 * its score and its reasons in the reader's language, and a form to propose an introduction for those who may. The
 * matches are a part of their own: when they cannot be read the interest is shown all the same, and says so.
 */
@Component
class InterestPage {

    /** How many matches the page shows: the best ones; the service ranks them. */
    private static final int MATCHES = 20;

    private final Downstream downstream;
    private final Choices choices;

    InterestPage(Downstream downstream, Choices choices) {
        this.downstream = downstream;
        this.choices = choices;
    }

    /**
     * @param forms the page's forms, with the one the service refused if any
     */
    Mono<Rendering> render(Caller caller, String id, PageForms forms, HttpStatusCode status) {
        Mono<Optional<JsonNode>> matches = downstream.call(Service.PARTNERSHIP, caller,
                        Request.get("/api/interests/{id}/matches?limit={limit}", id, MATCHES))
                .map(answer -> answer.ok() ? Optional.of(answer.body().path("matches")) : Optional.<JsonNode>empty())
                .onErrorReturn(Optional.empty());
        return Mono.zip(downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/interests/{id}", id)), matches,
                        choices.reference(caller))
                .flatMap(loaded -> {
                    if (!loaded.getT1().ok()) {
                        return ProblemPage.of(loaded.getT1().status());
                    }
                    JsonNode interest = loaded.getT1().body();
                    return Mono.just(Rendering.view("interest")
                            .modelAttribute("interest", interest)
                            .modelAttribute("title", interest.path("title").asString())
                            .modelAttribute("matches", loaded.getT2().orElse(null))
                            .modelAttribute("partnerships", partnerships(loaded.getT2()))
                            .modelAttribute("reference", loaded.getT3())
                            .modelAttribute("mayChange", InterestForm.mayChange(caller, interest))
                            .modelAttribute("mayPropose", InterestForm.mayPropose(caller, interest))
                            .modelAttribute("forms", forms)
                            .status(status)
                            .build());
                });
    }

    /** The partnerships among the matches: those an introduction of this interest may go through. */
    private static List<JsonNode> partnerships(Optional<JsonNode> matches) {
        List<JsonNode> partnerships = new ArrayList<>();
        matches.ifPresent(all -> all.forEach(match -> {
            if ("PARTNERSHIP".equals(match.path("kind").asString())) {
                partnerships.add(match);
            }
        }));
        return partnerships;
    }
}
