package se.samverka.gateway.portal.call;

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

/**
 * A funding call's page: all of its description, its status and the days left, and for the coordinator the links and
 * the form that keep it. Partnership-service matches calls to nothing yet; when it offers a call's matches, the page
 * shows them here as the interest page shows an interest's (the fragment {@code broker-parts :: matches}).
 */
@Component
class CallPage {

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
                        choices.reference(caller))
                .flatMap(loaded -> !loaded.getT1().ok() ? ProblemPage.of(loaded.getT1().status())
                        : Mono.just(Rendering.view("call")
                                .modelAttribute("call", loaded.getT1().body())
                                .modelAttribute("title", loaded.getT1().body().path("name").asString())
                                .modelAttribute("reference", loaded.getT2())
                                .modelAttribute("programmeNames", Choices.programmeNames(loaded.getT2()))
                                .modelAttribute("mayKeep", CallForm.mayKeep(caller)
                                        && !"WITHDRAWN".equals(loaded.getT1().body().path("status").asString()))
                                .modelAttribute("forms", forms)
                                .status(status)
                                .build()));
    }
}
