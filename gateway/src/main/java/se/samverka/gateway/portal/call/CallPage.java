package se.samverka.gateway.portal.call;

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
 * A funding call's page: all of its description, its status and the days left, for the coordinator the links and
 * the form that keep it, and for the municipality's staff the call's matches (the partnerships, interests and projects
 * that might answer it) as partnership-service ranks them, drawn as an interest's are. The matches are a part of their
 * own: when they cannot be read the call is shown all the same, and says so.
 */
@Component
class CallPage {

    /** How many matches the page shows: the best ones; the service ranks them. */
    private static final int MATCHES = 20;

    private final Downstream downstream;
    private final Choices choices;

    CallPage(Downstream downstream, Choices choices) {
        this.downstream = downstream;
        this.choices = choices;
    }

    /**
     * @param forms the page's one form, the withdrawal, as the service refused it if it did
     */
    Mono<Rendering> render(Caller caller, String id, PageForms forms, HttpStatusCode status) {
        return Mono.zip(downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/calls/{id}", id)),
                        matches(caller, id), choices.reference(caller))
                .flatMap(loaded -> !loaded.getT1().ok() ? ProblemPage.of(loaded.getT1().status())
                        : Mono.just(Rendering.view("call")
                                .modelAttribute("call", loaded.getT1().body())
                                .modelAttribute("title", loaded.getT1().body().path("name").asString())
                                .modelAttribute("showsMatches", caller.isMunicipality())
                                .modelAttribute("matches", loaded.getT2().orElse(null))
                                .modelAttribute("reference", loaded.getT3())
                                .modelAttribute("programmeNames", Choices.programmeNames(loaded.getT3()))
                                .modelAttribute("mayKeep", CallForm.mayKeep(caller)
                                        && !"WITHDRAWN".equals(loaded.getT1().body().path("status").asString()))
                                .modelAttribute("forms", forms)
                                .status(status)
                                .build()));
    }

    /** The call's matches, for the municipality's staff only; empty when they cannot be read, or are not asked. */
    private Mono<Optional<JsonNode>> matches(Caller caller, String id) {
        if (!caller.isMunicipality()) {
            return Mono.just(Optional.empty());
        }
        return downstream.call(Service.PARTNERSHIP, caller,
                        Request.get("/api/calls/{id}/matches?limit={limit}", id, MATCHES))
                .map(answer -> answer.ok() ? Optional.of(answer.body().path("matches")) : Optional.<JsonNode>empty())
                .onErrorReturn(Optional.empty());
    }
}
