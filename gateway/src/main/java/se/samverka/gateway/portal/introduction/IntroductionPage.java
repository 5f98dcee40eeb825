package se.samverka.gateway.portal.introduction;

import java.util.List;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.result.view.Rendering;
import reactor.core.publisher.Flux;
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
 * An introduction's page: the interest and the counterpart it connects, both sides with their answers, and its
 * outcomes with the project one became; the buttons that accept or decline for a side, and the form that records an
 * outcome, with the two sides' projects to name the one it led to.
 */
@Component
class IntroductionPage {

    private final Downstream downstream;
    private final Choices choices;

    IntroductionPage(Downstream downstream, Choices choices) {
        this.downstream = downstream;
        this.choices = choices;
    }

    /**
     * @param forms the page's forms, with the one the service refused if any
     */
    Mono<Rendering> render(Caller caller, String id, PageForms forms, HttpStatusCode status) {
        return downstream.call(Service.PARTNERSHIP, caller, Request.get("/api/introductions/{id}", id))
                .flatMap(answer -> {
                    if (!answer.ok()) {
                        return ProblemPage.of(answer.status());
                    }
                    Introduction introduction = Introduction.of(answer.body(), caller);
                    Mono<List<JsonNode>> projects = !introduction.mayRecord() ? Mono.just(List.of())
                            : Flux.fromIterable(introduction.projectOwners())
                                    .flatMapSequential(owner -> choices.projects(caller, owner))
                                    .flatMapIterable(owned -> owned)
                                    .collectList();
                    return projects.map(offered -> Rendering.view("introduction")
                            .modelAttribute("i", introduction)
                            .modelAttribute("title", answer.body().path("interestTitle").asString())
                            .modelAttribute("projects", offered)
                            .modelAttribute("outcomes", Introduction.OUTCOMES)
                            .modelAttribute("forms", forms)
                            .status(status)
                            .build());
                });
    }
}
